#!/bin/sh
# chronicle serve as users run it: ingest a few articles, start the real
# binary on a free loopback port, ask the API and the dashboard with curl,
# then stop it with SIGTERM (and SIGINT) and check that it exits 0.
. "$(dirname "$0")/lib.sh"

if ! command -v curl >/dev/null 2>&1; then
    skip serve "curl is not installed"
    exit 0
fi
DB="$TMP/store.db"
mkdir -p "$TMP/web"
printf '<!doctype html><title>Chronicle</title>\n' >"$TMP/web/index.html"
printf 'outside the dashboard\n' >"$TMP/outside.txt"

cat >"$TMP/news.jsonl" <<'EOF'
{"id":"dw-tanks","date":"2022-03-03","source":"DW","text":"Germany sent 50 Leopard 2 tanks to Ukraine on Sunday."}
{"id":"reuters-tanks","date":"2022-03-04","source":"Reuters","text":"Germany delivered 50 Leopard 2 tanks to Ukraine on Sunday, Reuters reported."}
{"id":"un toll/1","date":"2022-03-03","source":"UN News","text":"More than 2,000 civilians have been killed in Ukraine since February 24, according to the United Nations."}
EOF
"$CHRONICLE" ingest --quiet --db "$DB" "$TMP/news.jsonl" 2>"$TMP/err"; verdict ingest_for_serve

# start_server NAME ARGS...: run serve in the background; sets PID and PORT
start_server() {
    name=$1
    shift
    "$CHRONICLE" serve "$@" 2>"$TMP/serve.err" &
    PID=$!
    PORT=""
    i=0
    while [ $i -lt 200 ] && [ -z "$PORT" ]; do
        PORT=$(sed -n 's|.*http://[^ ]*:\([0-9][0-9]*\)/.*|\1|p' "$TMP/serve.err")
        [ -n "$PORT" ] && break
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.05
        i=$((i + 1))
    done
    [ -n "$PORT" ]; verdict "server_starts_$name"
}

# get PATH [CURL ARGS]: body to $TMP/out, status to $TMP/status
get() {
    path=$1
    shift
    curl -s -o "$TMP/out" -w '%{http_code}' "$@" "http://127.0.0.1:$PORT$path" >"$TMP/status" 2>"$TMP/err"
}
status() { cat "$TMP/status"; }

# stop_server NAME SIGNAL: the server must exit 0
stop_server() {
    kill -"$2" "$PID"
    wait "$PID"
    rc=$?
    [ "$rc" = 0 ] && grep -q "stopping" "$TMP/serve.err"; verdict "server_exits_0_on_$1"
}

run serve --help
[ "$(rc)" = 0 ] && out_has "usage: chronicle serve" && out_has -- "--listen"; verdict help_of_serve

start_server loopback --db "$DB" --listen 127.0.0.1:0 --web "$TMP/web" --threads 2
! grep -q warning "$TMP/serve.err"; verdict loopback_needs_no_warning

get /api/health
[ "$(status)" = 200 ] && out_has '"status":"ok"' && out_has '"documents":3'; verdict health
get /api/events
[ "$(status)" = 200 ] && out_has '"doc_id":"reuters-tanks"' && out_has '"more":false'; verdict events
get "/api/stories?type=AID&actor=DEU"
story=$(sed -n 's/^{"items":\[{"story":\([0-9]*\),.*/\1/p' "$TMP/out")
[ "$(status)" = 200 ] && out_has '"mentions":2' && [ -n "$story" ]; verdict stories
get "/api/stories/$story"
[ "$(status)" = 200 ] && out_has '"mentions":\[{' && out_has 'Reuters reported'; verdict story_by_id
get "/api/documents/un%20toll%2F1"
[ "$(status)" = 200 ] && out_has '"text":"More than 2,000 civilians' && out_has '"sentences":\[\[0,'
verdict document_by_percent_encoded_id
get "/api/totals?by=month&split=actor&type=AID"
[ "$(status)" = 200 ] && out_has '"group":"2022-02","split":"DEU","unit":"stories","total":1'
verdict totals_split
get /api/figures?metric=killed
[ "$(status)" = 200 ] && out_has '"value":2000'; verdict figures
get "/api/events?since=2022-13"
[ "$(status)" = 400 ] && out_has '"error":"since'; verdict bad_date_is_400
get "/api/events?actor=x%27%20OR%20%271%27%3D%271"
[ "$(status)" = 200 ] && out_has '"items":\[\]'; verdict sql_in_a_filter_matches_nothing
get /api/events -X POST -d x=1
[ "$(status)" = 405 ]; verdict post_is_405
get /api/nothing
[ "$(status)" = 404 ] && out_has '"error"'; verdict unknown_route_is_404
get /
[ "$(status)" = 200 ] && out_has '<title>Chronicle'; verdict root_is_the_dashboard
get /%2e%2e/outside.txt --path-as-is
[ "$(status)" = 404 ] && ! out_has outside; verdict encoded_dotdot_stays_inside
get /index.html -H 'Accept-Encoding: gzip' -D "$TMP/headers"
grep -qi '^ETag: ' "$TMP/headers" && grep -qi '^Last-Modified: ' "$TMP/headers"; verdict files_have_etag
stop_server sigterm TERM

start_server without_dashboard --db "$DB" --listen 127.0.0.1:0 --web "$TMP/none"
get /
[ "$(status)" = 404 ] && out_has dashboard && grep -q "serving the API only" "$TMP/serve.err"
verdict missing_dashboard_is_a_404_that_says_so
get /api/health
[ "$(status)" = 200 ]; verdict api_without_dashboard
stop_server sigint INT

start_server any_address --db "$DB" --listen 0.0.0.0:0
grep -q "warning: listening on 0.0.0.0" "$TMP/serve.err"; verdict other_address_warns
stop_server sigterm_again TERM

run serve --db "$TMP/none.db" --listen 127.0.0.1:0
[ "$(rc)" = 2 ] && err_has "no store here" && [ ! -f "$TMP/none.db" ]; verdict missing_store_is_refused
run serve --db "$DB" --listen 127.0.0.1:99999
[ "$(rc)" = 2 ] && err_has "port"; verdict bad_port_is_a_usage_error
run serve --db "$DB" --threads 0
[ "$(rc)" = 2 ] && err_has "threads"; verdict zero_threads_is_a_usage_error
