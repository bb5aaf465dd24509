#!/usr/bin/env node
// The sizes KaTeX itself gives formulas, for tests/pages/test_formula_sizes.py: reads a JSON list of
// {"latex", "display"} on stdin and writes, for each, {"height", "depth"} in em — the tallest strut of
// the rendered formula above and below the baseline (KaTeX sizes every line of a formula with struts).
'use strict'
const modules = process.env.VERIDECK_NODE_MODULES
const marpCore = require.resolve('@marp-team/marp-core', { paths: modules ? [modules] : [process.cwd()] })
const katex = require(require.resolve('katex', { paths: [marpCore] }))
const STRUT = /class="strut" style="height:([0-9.]+)em;(?:vertical-align:(-?[0-9.]+)em;)?/g

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => { input += chunk })
process.stdin.on('end', () => {
  console.warn = () => {}
  const sizes = JSON.parse(input).map(({ latex, display }) => {
    const html = katex.renderToString(latex, { throwOnError: false, displayMode: Boolean(display), macros: {} })
    let height = 0; let depth = 0
    for (const [, total, align] of html.matchAll(STRUT)) {
      const below = align ? -parseFloat(align) : 0
      depth = Math.max(depth, below)
      height = Math.max(height, parseFloat(total) - below)
    }
    return { height, depth }
  })
  process.stdout.write(JSON.stringify(sizes))
})
