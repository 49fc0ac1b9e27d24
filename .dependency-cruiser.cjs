/**
 * Folder boundaries. No cycle between folders (src/main/tray -> src/main/windows -> src/main/tray):
 * file-level cycles are ESLint's `import-x/no-cycle`; this sees the layers a file-level check
 * cannot, where each file is innocent but the folders lean on each other. And the direction of the
 * layers: shared code is used by every side and uses none; the pages and main meet only through
 * the preload's contract; a port never knows the adapter that implements it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Folders depend one way. Move the shared piece to the folder both sides may import ' +
        '(see docs/architecture.md, "Rules the code keeps").',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-side',
      comment:
        'src/shared/ is bundled into main and into both pages: it may not lean on either side ' +
        '(no Electron, no DOM, no JSX; see docs/architecture.md, "Layers").',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' },
    },
    {
      name: 'pages-and-main-meet-only-through-the-contract',
      comment:
        'A page reaches main only through the preload functions (window.haTray), and main never ' +
        'imports page code: what both need lives in src/shared/.',
      severity: 'error',
      from: { path: '^src/(renderer|main)/' },
      to: { path: '^src/(renderer|main|preload)/', pathNot: '^src/$1/' },
    },
    {
      name: 'preload-imports-no-side',
      comment:
        'The preload is sandboxed: it forwards the contract (src/shared/ipc/) and nothing else.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer)/' },
    },
    {
      name: 'ports-never-import-adapters',
      comment:
        'Only the composition root (src/main/index.ts) picks the adapter for a port; the code ' +
        'behind a port stays testable with a fake (see docs/architecture.md, "Rules the code keeps").',
      severity: 'error',
      from: { path: '^src/main/', pathNot: '^src/main/(adapters/|index\\.ts$)' },
      to: { path: '^src/main/adapters/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    metrics: true,
  },
};
