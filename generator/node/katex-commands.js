#!/usr/bin/env node
// Every control sequence (\name) the KaTeX copy marp-core uses knows: candidates are the names written in
// KaTeX's own source, kept when rendering them alone is not "Undefined control sequence" (a missing argument
// or a misplaced \end still means KaTeX knows the command). Prints them sorted, one per line, after a
// "# katex <version>" line. `make katex-commands` writes generator/check/katex_commands.txt from it.
'use strict'
const fs = require('fs')
const modules = process.env.VERIDECK_NODE_MODULES
const marpCore = require.resolve('@marp-team/marp-core', { paths: modules ? [modules] : undefined })
const katexMain = require.resolve('katex', { paths: [marpCore] })
const katex = require(katexMain)

const source = fs.readFileSync(katexMain, 'utf8')
const candidates = new Set()
for (const match of source.matchAll(/\\\\([A-Za-z]+)/g)) candidates.add(match[1])
console.log = console.warn = () => {} // KaTeX's own diagnostics while trying each name
const known = [...candidates].filter((name) => {
  try {
    katex.renderToString(`\\${name}`, { throwOnError: true })
    return true
  } catch (error) {
    return !String(error.message).includes('Undefined control sequence')
  }
}).sort()
process.stdout.write(`# katex ${katex.version}\n${known.join('\n')}\n`)
