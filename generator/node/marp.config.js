// marp-cli configuration used by verideck (`verideck build --to html|pdf|pptx`, `make html`).
// KaTeX fonts come from the KaTeX copy that marp-core itself uses, from local files: no CDN,
// so decks render offline (HTML output additionally embeds the fonts and pictures; see generator/export.py).
// Emoji are drawn from the Twemoji SVGs installed next to marp-cli (@twemoji/svg), not from a CDN.
// The verideck theme (generator/themes/verideck.css) is registered beside Marp's own themes.
const path = require('path')
const { pathToFileURL } = require('url')

const modules = process.env.VERIDECK_NODE_MODULES // the node_modules verideck chose (generator/toolchain.py)
const search = { paths: modules ? [modules] : [__dirname] }
const marpCore = require.resolve('@marp-team/marp-core', search)
const katexMain = require.resolve('katex', { paths: [marpCore] })
const katexFonts = pathToFileURL(path.join(path.dirname(katexMain), 'fonts')).href + '/'
// marp-core asks for `${base}svg/<code point>.svg`: the base is the folder that holds the package `svg`
const twemoji = path.dirname(path.dirname(require.resolve('@twemoji/svg/package.json', search)))

module.exports = {
  allowLocalFiles: true,
  html: false,
  themeSet: [path.join(__dirname, '..', 'themes', 'verideck.css')],
  options: {
    math: { lib: 'katex', katexFontPath: katexFonts },
    emoji: { twemoji: { base: pathToFileURL(twemoji).href + '/', ext: 'svg' } },
  },
}
