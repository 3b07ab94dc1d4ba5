import * as app from './messages/app';
import * as layers from './messages/layers';
import * as filter from './messages/filter';
import * as analysis from './messages/analysis';
import * as planning from './messages/planning';
import * as io from './messages/io';
import * as gdal from './messages/gdal';
import * as layout from './messages/layout';
import * as values from './messages/values';
import * as figures from './messages/figures';
import * as offline from './messages/offline';
import * as keyboard from './messages/keyboard';
import * as datum from './messages/datum';
import * as print from './messages/print';
import * as edit from './messages/edit';
import * as editData from './messages/edit-data';
import * as project from './messages/project';
import * as services from './messages/services';
import * as tilesets from './messages/tilesets';
import * as sharedServices from './messages/shared-services';
import * as wfsLayers from './messages/wfs-layers';
import type { MessageKey } from './zh';

/** English UI strings; `messages/` modules keep them beside the Chinese ones. */
export const en: Record<MessageKey, string> = { ...app.en, ...layers.en, ...filter.en, ...analysis.en, ...planning.en, ...io.en, ...gdal.en, ...layout.en, ...values.en, ...figures.en, ...offline.en, ...keyboard.en, ...datum.en, ...print.en, ...edit.en, ...editData.en, ...project.en, ...services.en, ...tilesets.en, ...sharedServices.en, ...wfsLayers.en };
