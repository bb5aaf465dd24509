// For running marp-cli by hand in this folder (`npx marp build/lesson.md`): the same configuration
// verideck uses, which lives inside the Python package so that an installed verideck has it too.
module.exports = require('./generator/node/marp.config.js')
