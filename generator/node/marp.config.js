// marp-cli configuration used by verideck (`verideck build --to html|pdf|pptx`, `make html`).
// KaTeX fonts come from the KaTeX copy that marp-core itself uses, from local files: no CDN,
// so decks render offline (HTML output additionally embeds the fonts; see generator/export.py).
const path = require('path')
const { pathToFileURL } = require('url')

const modules = process.env.VERIDECK_NODE_MODULES // the node_modules verideck chose (generator/toolchain.py)
const marpCore = require.resolve('@marp-team/marp-core', { paths: modules ? [modules] : undefined })
const katexMain = require.resolve('katex', { paths: [marpCore] })
const katexFonts = pathToFileURL(path.join(path.dirname(katexMain), 'fonts')).href + '/'

module.exports = {
  allowLocalFiles: true,
  html: false,
  options: {
    math: { lib: 'katex', katexFontPath: katexFonts },
  },
}
