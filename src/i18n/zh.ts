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

/**
 * Chinese UI strings, gathered from one module per area of the app (`messages/`). Each module defines its
 * English strings beside the Chinese ones, typed by the same keys, so the two cannot drift apart.
 */
export const zh = { ...app.zh, ...layers.zh, ...filter.zh, ...analysis.zh, ...planning.zh, ...io.zh, ...gdal.zh, ...layout.zh, ...values.zh, ...figures.zh, ...offline.zh, ...keyboard.zh, ...datum.zh, ...print.zh, ...edit.zh, ...editData.zh, ...project.zh, ...services.zh, ...tilesets.zh, ...sharedServices.zh, ...wfsLayers.zh } as const;

export type MessageKey = keyof typeof zh;
