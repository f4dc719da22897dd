// eslint for the join page (resources/join/*.js), run by scripts/checks.sh: a plain browser
// script (no modules, no build step), checked with eslint's recommended rules.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["resources/join/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
