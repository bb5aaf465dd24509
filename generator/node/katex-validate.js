#!/usr/bin/env node
// Render every formula exactly as marp-core does (its KaTeX copy and its options: errors are not
// thrown but drawn as red source text, strict warnings only, one macro table per deck so a \def in
// one formula serves the later ones) and report what would show up in class as red text: a
// `.katex-error` (a parse error, an undefined control sequence) or a command KaTeX draws in its
// error colour (e.g. \href without trust). Reads a JSON list of
// {"id": any, "latex": string, "display": bool, "document": any} on stdin, in reading order (all
// formulas of all decks at once, so Node starts once) and writes {"katex": version, "failures":
// [{"id": any, "error": string}]}.
'use strict'
const modules = process.env.VERIDECK_NODE_MODULES // the node_modules verideck chose (generator/toolchain.py)
const marpCore = require.resolve('@marp-team/marp-core', { paths: modules ? [modules] : undefined })
const katex = require(require.resolve('katex', { paths: [marpCore] }))

const ERROR_COLOR = '#cc0000' // KaTeX's default errorColor, which marp-core keeps
const errorTitle = /class="katex-error" title="([^"]*)"/

function message (text) { // without KaTeX's copy of the formula with underlined characters
  return String(text).replace(/^(ParseError: )?KaTeX parse error: /, '').replace(/ at position \d+: [\s\S]*$/, '')
}

function unescape (html) {
  return html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function problem (latex, html, options) {
  const error = errorTitle.exec(html)
  if (error) return message(unescape(error[1]))
  if (!html.includes(`color:${ERROR_COLOR}`) || latex.toLowerCase().includes(ERROR_COLOR)) return null
  try { // the red part: an undefined command, named by the same render with errors thrown
    katex.renderToString(latex, { ...options, macros: { ...options.macros }, throwOnError: true })
  } catch (thrown) {
    return message(thrown.message || thrown)
  }
  return 'KaTeX draws part of it in its error colour (a command it does not run with marp-core\'s settings)'
}

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => { input += chunk })
process.stdin.on('end', () => {
  console.warn = () => {} // strict-mode warnings (marp-core's default) do not change the picture
  const failures = []
  const macrosOf = new Map() // one macro context per document, as marp-core keeps per render
  for (const { id, latex, display, document } of JSON.parse(input)) {
    if (!macrosOf.has(document)) macrosOf.set(document, {})
    const options = { throwOnError: false, macros: macrosOf.get(document), displayMode: Boolean(display) }
    let html
    try {
      html = katex.renderToString(latex, options)
    } catch (error) { // marp-core prints the source as it is
      failures.push({ id, error: message(error.message || error) })
      continue
    }
    const found = problem(latex, html, options)
    if (found !== null) failures.push({ id, error: found })
  }
  process.stdout.write(JSON.stringify({ katex: katex.version, failures }))
})
