// The MCP server of one caller (stdio: `kam mcp --user`; HTTP: the user a token belongs to), on the
// official SDK. The low-level Server is used because the tools come from the registry with JSON
// schemas already made (src/mcp/tools.ts), not declared one by one.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';
import { callMcpTool, mcpToolSpecs, type McpCaller } from './tools.ts';

const VERSION: string = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')).version;

const INSTRUCTIONS =
  'KAM Assistant (大客户经营助手): key-account facts of one sales organisation — account overview, decision chain, contracts, budget execution, tickets, opportunities, history search, health score with its explanation, alerts, weekly briefing, relationship roadmap — and logging visit notes. Every call acts as one user and sees only the accounts that user may see. Accounts are named by id or by name as a person would write it (Chinese or English).';

export function createMcpServer(caller: McpCaller): Server {
  const server = new Server({ name: 'kam-assistant', version: VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: mcpToolSpecs() }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const r = await callMcpTool(caller, req.params.name, req.params.arguments);
    const structured = r.data && typeof r.data === 'object' && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : undefined;
    return { content: [{ type: 'text', text: r.text }], ...(structured ? { structuredContent: structured } : {}), isError: r.isError };
  });
  return server;
}
