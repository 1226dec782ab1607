// Package browsertest checks the default theme as readers meet it: the
// example site is built with internal/build, served from the test with
// net/http/httptest, and opened in headless Chromium through chromedp.
//
// The tests need a Chromium binary and axe-core's axe.min.js. Without them
// they skip with a message saying what is missing, unless
// SAHIFA_BROWSER_TESTS=require is set (as .ci/run does), in which case they
// fail. Settings, all optional:
//
//	SAHIFA_BROWSER_TESTS  "require": fail instead of skip; "off": skip
//	SAHIFA_CHROMIUM       the browser binary (default: chromium, chromium-browser,
//	                      google-chrome or google-chrome-stable on PATH)
//	SAHIFA_AXE            axe.min.js (default: node_modules/axe-core/axe.min.js
//	                      in this folder or any folder above it)
//	SAHIFA_SCREENSHOTS    folder for the screenshots (default: a temporary
//	                      folder removed after the test)
//
// The checks that need no browser (the theme's CSS rules, the built pages'
// markup) always run.
package browsertest
