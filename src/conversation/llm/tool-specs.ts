// Tools described to the model: name, description and the JSON schema of the zod input.
import { z } from 'zod';
import type { Tool } from '../../tools/types.ts';

export interface FunctionToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

const cache = new WeakMap<Tool<any, any>, FunctionToolSpec>();

export function toolSpec(tool: Tool<any, any>): FunctionToolSpec {
  let spec = cache.get(tool);
  if (!spec) {
    const { $schema: _drop, ...parameters } = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    spec = { type: 'function', function: { name: tool.name, description: tool.description, parameters } };
    cache.set(tool, spec);
  }
  return spec;
}
