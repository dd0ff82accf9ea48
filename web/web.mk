# web.mk - the dashboard (web/) and its browser test; the Makefile includes
# this file after it defines BUILD, TOOL and DATADIR.
#
#   make web            bundle web/ into $(BUILD)/web (npm ci first when the
#                       lock file changed; the only step that needs the network)
#   make browser-test   the dashboard in headless Chromium against the real
#                       chronicle serve; screenshots in $(BUILD)/screenshots
#   make screenshot     the same run, saving the aid view as docs/dashboard.png
#   make web-install    copy $(BUILD)/web to $(DESTDIR)$(DATADIR)/web
#
# Needs Node 20 and npm; the browser test needs Chromium (/usr/bin/chromium,
# or CHROMIUM=PATH) and says "skip" without it.

NODE ?= node
NPM  ?= npm

WEB_SRC  := web/index.html web/build.mjs $(sort $(wildcard web/src/*.js web/src/*.css))
WEB_DEPS := web/node_modules/.package-lock.json
WEB_OUT  := $(BUILD)/web
WEB_TEST := $(NODE) tests/browser/dashboard.mjs --tool $(TOOL) --web $(WEB_OUT) \
            --out $(BUILD)/screenshots

.PHONY: web browser-test screenshot web-install

web: $(WEB_OUT)/index.html

# npm ci installs exactly what web/package-lock.json names.
$(WEB_DEPS): web/package.json web/package-lock.json
	@command -v $(NODE) >/dev/null 2>&1 || { echo "web: $(NODE) not found: install Node 20 (scripts/install-deps.sh)" >&2; exit 1; }
	cd web && $(NPM) ci --no-audit --no-fund
	@touch $@

$(WEB_OUT)/index.html: $(WEB_SRC) $(WEB_DEPS)
	$(NODE) web/build.mjs $(WEB_OUT)

browser-test: $(TOOL) web
	@$(WEB_TEST)

screenshot: $(TOOL) web
	@$(WEB_TEST) --docs-shot docs/dashboard.png

web-install: web
	install -d $(DESTDIR)$(DATADIR)/web
	for f in $(WEB_OUT)/*; do install -m 644 "$$f" $(DESTDIR)$(DATADIR)/web/; done
