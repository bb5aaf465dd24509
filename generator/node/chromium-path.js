#!/usr/bin/env node
// Print the path of the headless Chromium that @sparticuz/chromium carries, unpacking it first.
// The package unpacks into os.tmpdir(): verideck runs this script with TMPDIR set to an empty
// staging folder and moves the folder into place afterwards (see generator/browser.py).
'use strict'
const modules = process.env.VERIDECK_NODE_MODULES // the node_modules verideck chose (generator/toolchain.py)
const chromium = require(require.resolve('@sparticuz/chromium', { paths: modules ? [modules] : undefined }))

chromium.executablePath().then(
  (executable) => { process.stdout.write(executable) },
  (error) => { process.stderr.write(String(error && error.stack || error)); process.exitCode = 1 },
)
