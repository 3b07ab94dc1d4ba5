/**
 * The attribute schema of the bundled district layers (`geodata/*.geojson`).
 * Units are in the field names: `_cny` is yuan (CNY), `_km2` square kilometres, dates are ISO `YYYY-MM-DD`.
 * Every feature carries `id`, `name_zh`, `name_en` and `schematic: true` (the report has no coordinates).
 */

export interface BaseProps {
  id: string;
  name_zh: string;
  name_en: string;
  schematic: true;
  /** Free text from the report, Chinese and English. */
  note_zh?: string;
  note_en?: string;
}

export type UnitKind = 'township' | 'town' | 'subdistrict';

/** zone.geojson: the whole demonstration zone (one feature). */
export interface ZoneProps extends BaseProps {
  built_up_area_km2: number;
}

/** townships.geojson: townships and subdistricts that tile the zone. */
export interface TownshipProps extends BaseProps {
  kind: UnitKind;
  /** The report asks for a master plan of each of the 3 townships and Wenchang subdistrict by year end. */
  master_plan_due?: string;
}

/** central-urban-area.geojson: the built-up area (31 km² in the report). */
export interface CentralAreaProps extends BaseProps {
  built_up_area_km2: number;
}

export type FunctionalAreaKind = 'industrial_cluster' | 'business_district' | 'agriculture_park';
/** functional-areas.geojson */
export interface FunctionalAreaProps extends BaseProps {
  kind: FunctionalAreaKind;
}

export type TownType = 'science_tech' | 'longfeng' | 'zhouyi_huaishang' | 'huaishang_ancient' | 'grape';
/** featured-towns.geojson: the five 特色小镇. */
export interface FeaturedTownProps extends BaseProps {
  town_type: TownType;
  township_id: string;
  based_on_zh: string;
  based_on_en: string;
  /** Year by which the town is to be basically complete, when the report gives one. */
  target_year?: number;
  status_zh: string;
  status_en: string;
  /** Named cultural or other sites (Chinese | English pairs). */
  sites_zh: string[];
  sites_en: string[];
}

export type VillageStandard = 'livable' | 'beautiful';
export type VillageProgramme = 'planning' | 'appearance' | 'public_services' | 'ecology' | 'industry' | 'culture';
/** villages.geojson: one point per village (the count is our choice, see geodata/README.md). */
export interface VillageProps extends BaseProps {
  township_id: string;
  /** 宜居乡村 (livable, 70 %) or 美好乡村 (beautiful, 30 %). */
  standard: VillageStandard;
  target_year: number;
  programmes: VillageProgramme[];
  /** Agricultural park or cooperative the report names in this village, if any. */
  agri_park_zh?: string;
  agri_park_en?: string;
}

export type MilestoneKey = 'bidding_agent' | 'prequalification' | 'tender_notice' | 'partner_selected' | 'construction_start';
export interface Milestone {
  key: MilestoneKey;
  /** Due date, ISO. */
  due: string;
  label_zh: string;
  label_en: string;
  note_zh?: string;
  note_en?: string;
}
export type ParcelKind = 'ppp' | 'purchase_of_services' | 'resettlement';
/** ppp-parcels.geojson: PPP projects, communities built by government purchase of services, resettlement parcels. */
export interface ParcelProps extends BaseProps {
  kind: ParcelKind;
  township_id: string;
  status_zh: string;
  status_en: string;
  /** PPP milestones (Jinsha, Qinyuan). */
  milestones?: Milestone[];
  construction_start?: string;
  /** Date plans are due to the city (resettlement parcels: 2017-07-15). */
  plan_due?: string;
  national_ppp_demo?: boolean;
}

export type ProjectCategory = 'industrial' | 'service' | 'social' | 'infrastructure' | 'real_estate';
/** key-projects.geojson: points for every project the report names. */
export interface ProjectProps extends BaseProps {
  category: ProjectCategory;
  township_id: string;
  /** Total investment in CNY, when the report gives it. */
  investment_cny?: number;
  /** e.g. 'third' for the third batch of city key projects started 2017-07-05. */
  batch?: string;
  start_date?: string;
  developer_zh?: string;
  developer_en?: string;
  /** Planned annual output value in CNY, when the report gives it. */
  output_cny_per_year?: number;
  capacity_zh?: string;
  capacity_en?: string;
  /** Completion date, when the report gives one (e.g. the digital city-management centre by year end). */
  due_date?: string;
}

/** rivers.geojson */
export interface RiverProps extends BaseProps {
  /** Part of the black-and-smelly water programme. */
  black_smelly_programme?: boolean;
}

/** roads.geojson: main roads; `cleanup_due` for the 8 main roads to be cleaned by end of July. */
export interface RoadProps extends BaseProps {
  cleanup_due?: string;
  road_class: 'main' | 'secondary';
}

export type WorksKind = 'wastewater_plant' | 'sewer' | 'interception_sewer' | 'clean_coal_point' | 'river_treatment';
/** pollution-works.geojson */
export interface WorksProps extends BaseProps {
  kind: WorksKind;
  due_date?: string;
}

/** landuse-current.geojson / landuse-planned.geojson (2023 national classification). */
export interface LandUseProps extends BaseProps {
  YDYHFLDM: string;
  YDYHFLMC: string;
}

export type ControlLineKind = 'urban_development_boundary' | 'permanent_basic_farmland' | 'ecological_red_line';
/** control-lines.geojson: 三区三线. */
export interface ControlLineProps extends BaseProps {
  kind: ControlLineKind;
}
