/**
 * Folder boundaries: no cycle between folders (src/main/tray -> src/main/windows -> src/main/tray).
 * File-level cycles are ESLint's `import-x/no-cycle`; this sees the layers a file-level check
 * cannot, where each file is innocent but the folders lean on each other.
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
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    metrics: true,
  },
};
