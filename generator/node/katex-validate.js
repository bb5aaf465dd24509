#!/usr/bin/env node
// Render every formula with the KaTeX copy marp-core uses, strictly: parse errors, unknown
// macros and Unicode text in math mode all throw. Reads a JSON list of
// {"id": any, "latex": string, "display": bool} on stdin (all formulas of all decks at once, so
// Node starts once) and writes a JSON list of {"id": any, "error": string} for the failures.
'use strict'
const modules = process.env.VERIDECK_NODE_MODULES // the node_modules verideck chose (generator/toolchain.py)
const marpCore = require.resolve('@marp-team/marp-core', { paths: modules ? [modules] : undefined })
const katex = require(require.resolve('katex', { paths: [marpCore] }))

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => { input += chunk })
process.stdin.on('end', () => {
  const failures = []
  for (const { id, latex, display } of JSON.parse(input)) {
    try {
      katex.renderToString(latex, { displayMode: Boolean(display), throwOnError: true, strict: 'error' })
    } catch (error) {
      failures.push({ id, error: String(error.message || error).replace(/^KaTeX parse error: /, '') })
    }
  }
  process.stdout.write(JSON.stringify({ katex: katex.version, failures }))
})
