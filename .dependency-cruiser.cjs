/**
 * Module boundaries from ARCHITECTURE.md and STYLE.md §3, checked in CI (`npm run deps:check`).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles anywhere.', from: {}, to: { circular: true } },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'src/shared is used by server and browser: no server or web code, no Node built-ins.',
      from: { path: '^src/shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^src/shared/|^node_modules/(zod)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'src/shared may not use Node built-ins.',
      from: { path: '^src/shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-only-shared',
      severity: 'error',
      comment: 'The browser code imports src/shared, never src/server.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: 'Another module is reached only through its index.ts.',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-through-index',
      severity: 'error',
      comment:
        'Platform code (app, cli, http, db) reaches modules only through their index.ts; db/schema.ts assembles the table types.',
      from: { path: '^src/server/(?!modules/)', pathNot: ['\\.test\\.ts$', '^src/server/db/schema\\.ts$'] },
      to: { path: '^src/server/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'repository-only-in-module',
      severity: 'error',
      comment: 'Only the module itself touches its repository and tables.',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '\\.(repository|tables)\\.ts$', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'routes-not-repositories',
      severity: 'error',
      comment: 'Routes call services, never repositories.',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'lifecycle-is-pure',
      severity: 'error',
      comment: 'Lifecycle and rules files import only shared/kernel.',
      from: { path: '(-lifecycle|-chain|\\.rules)\\.ts$' },
      to: { pathNot: '^src/shared/kernel/|^node:crypto$|^crypto$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'migrations-frozen',
      severity: 'error',
      comment: 'Migrations import only kysely (and the migration list its migrations).',
      from: { path: '^src/server/migrations/' },
      to: { pathNot: '^node_modules/kysely/|^src/server/migrations/' },
    },
    {
      name: 'engine-imports-no-procedure',
      severity: 'error',
      comment:
        'The case engine knows a procedure only as the plug-in its module registers: cases/ imports no module that owns procedures.',
      from: { path: '^src/server/modules/cases/' },
      to: { path: '^src/server/modules/(?!cases/|audit/|identity/|notifications/)' },
    },
    {
      name: 'audit-calls-nobody',
      severity: 'error',
      comment: 'audit is called by everyone and calls no other module.',
      from: { path: '^src/server/modules/audit/' },
      to: { path: '^src/server/modules/(?!audit/)' },
    },
    {
      name: 'identity-depends-on-no-module-but-audit',
      severity: 'error',
      comment: 'identity is depended on; it uses only the audit gate.',
      from: { path: '^src/server/modules/identity/' },
      to: { path: '^src/server/modules/(?!identity/|audit/)' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Production code never imports test helpers.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$|^src/test/' },
      to: { path: '^src/test/|\\.test\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|scratch)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
