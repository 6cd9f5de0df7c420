/**
 * The layering of KAM Assistant, checked in CI (`npm run lint:deps`). The arrows point one way:
 *
 *   cli, http, scheduler, compose  →  conversation  →  tools  →  nlu, store, retrieval, insights
 *   adapters (platform SDKs)  →  chat (message model)  ←  everything that builds a Reply
 *   domain: pure rules, imports nothing of ours but domain (and prompts' Lang type)
 *
 * See docs/architecture.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make modules impossible to reason about (and to load) one by one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds pure rules: it imports nothing of ours but domain.',
      from: { path: '^src/domain/' },
      to: { path: '^(src|adapters|db)/', pathNot: '^src/domain/' },
    },
    {
      name: 'store-knows-no-dialogue',
      severity: 'error',
      comment: 'Storage knows no dialogue, no feature logic and no platform.',
      from: { path: '^src/store/' },
      to: { path: '^(src/(conversation|insights|retrieval|tools|nlu|http|cli|scheduler|outbox|delivery|compose|importing)|adapters)/' },
    },
    {
      name: 'only-the-composition-root-starts-platforms',
      severity: 'error',
      comment: 'Nothing under src/ imports adapters/ except the composition root.',
      from: { path: '^src/', pathNot: '^src/compose/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'features-do-not-import-the-engine',
      severity: 'error',
      comment: 'Features define their chat tools with src/tools; only the engine assembles them.',
      from: { path: '^src/(insights|retrieval|tools|nlu|chat|store|domain|importing)/' },
      to: { path: '^src/conversation/' },
    },
    {
      name: 'chat-model-is-a-leaf',
      severity: 'error',
      comment: 'The message model is the core every surface shares: it depends on nothing of ours but prompts.',
      from: { path: '^src/chat/' },
      to: { path: '^(src|adapters|db)/', pathNot: '^src/chat/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|tests|bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
