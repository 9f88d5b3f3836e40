#!/usr/bin/env bash
# Serves dist/ under /skillscope/ with the nginx and Apache configs exactly as docs/deploy.md
# gives them, on loopback ports, and runs tests/e2e/deploy.spec.js against both.
# Needs nginx and apache2; as root it installs nginx-light and apache2-bin from apt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf 'test-deploy: %s\n' "$*"; }

if ! command -v nginx >/dev/null || ! command -v apache2 >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        say "needs nginx and Apache; run: sudo apt-get install -y nginx-light apache2-bin"
        exit 1
    fi
    say "installing nginx-light and apache2-bin"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light apache2-bin >/dev/null
fi
[ -f dist/index.html ] || { say "no dist/; run make dist first"; exit 1; }

WORK=$(mktemp -d)
chmod 755 "$WORK"
cleanup() {
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    [ -f "$WORK/apache.pid" ] && kill "$(cat "$WORK/apache.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# The fenced block of a language from the deploy guide.
block() { awk -v lang="$1" '$0 == "```" lang { on = 1; next } on && $0 == "```" { exit } on' docs/deploy.md; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

mkdir -p "$WORK/www/skillscope"
cp -r dist/. "$WORK/www/skillscope/"
chmod -R a+rX "$WORK/www"

NGINX_PORT=$(free_port)
block nginx \
    | sed -e "s#listen 80;#listen 127.0.0.1:$NGINX_PORT;#" -e "s#/var/www/skillscope/#$WORK/www/skillscope/#" \
    > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $WORK/tmp;
    proxy_temp_path $WORK/tmp;
    fastcgi_temp_path $WORK/tmp;
    uwsgi_temp_path $WORK/tmp;
    scgi_temp_path $WORK/tmp;
    include $WORK/site.conf;
}
CONF
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"

APACHE_PORT=$(free_port)
block apache > "$WORK/www/skillscope/.htaccess"
MODULES=/usr/lib/apache2/modules
cat > "$WORK/apache.conf" <<CONF
ServerRoot "$WORK"
ServerName 127.0.0.1
Listen 127.0.0.1:$APACHE_PORT
PidFile $WORK/apache.pid
ErrorLog $WORK/apache-error.log
User www-data
Group www-data
LoadModule mpm_event_module $MODULES/mod_mpm_event.so
LoadModule authz_core_module $MODULES/mod_authz_core.so
LoadModule mime_module $MODULES/mod_mime.so
LoadModule headers_module $MODULES/mod_headers.so
LoadModule filter_module $MODULES/mod_filter.so
LoadModule deflate_module $MODULES/mod_deflate.so
LoadModule dir_module $MODULES/mod_dir.so
TypesConfig /etc/mime.types
DocumentRoot "$WORK/www"
DirectoryIndex index.html
<Directory "$WORK/www">
    AllowOverride All
    Require all granted
</Directory>
CONF
apache2 -f "$WORK/apache.conf" -k start

# Wait until both answer.
for port in "$NGINX_PORT" "$APACHE_PORT"; do
    for _ in $(seq 50); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/skillscope/" && break
        sleep 0.1
    done
done

say "nginx on $NGINX_PORT, Apache on $APACHE_PORT"
DEPLOY_URLS="nginx=http://127.0.0.1:$NGINX_PORT/skillscope/,apache=http://127.0.0.1:$APACHE_PORT/skillscope/" \
    npx playwright test --config tests/e2e/playwright.config.js deploy.spec.js
