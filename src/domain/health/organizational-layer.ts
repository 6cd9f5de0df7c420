// Organizational layer: strategic agreements in force and joint innovation projects.
import { atLeast } from './scale.ts';
import type { Component, HealthInputs } from './types.ts';

export const PROJECTS: [number, number][] = [[2, 100], [1, 70]];

export function organizationalLayer(i: HealthInputs): Component[] {
  return [
    { id: 'strategic_agreement', score: i.org.strategicAgreements > 0 ? 100 : 0, weight: 0.5, facts: { count: i.org.strategicAgreements } },
    { id: 'joint_projects', score: atLeast(i.org.activeProjects, PROJECTS, 0), weight: 0.5, facts: { count: i.org.activeProjects } },
  ];
}
