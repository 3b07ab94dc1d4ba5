/**
 * Which names win where labels collide, highest first: the townships that orient a planner at the
 * district zoom, then featured towns and the central urban area, areas, projects and parcels, and the
 * many small villages, rivers and roads last. A planner's own layers rank with the projects.
 */
const PRIORITY: Readonly<Record<string, number>> = {
  townships: 100,
  'featured-towns': 90,
  'central-urban-area': 85,
  'functional-areas': 80,
  'key-projects': 60,
  'ppp-parcels': 55,
  'pollution-works': 45,
  villages: 40,
  rivers: 30,
  roads: 20,
};
const USER_LAYER = 50;

export function labelPriority(layer: { id: string; origin: 'bundled' | 'user' }): number {
  return layer.origin === 'user' ? USER_LAYER : (PRIORITY[layer.id] ?? USER_LAYER);
}
