#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/targets/*.swift.
#
# SwiftPM cannot link an executable with -sanitize=fuzzer, so this script drives swiftc itself:
#   1. every Foundation-only library module is compiled in dependency order, whole-module, into
#      fuzz/.build/<Module>.o plus fuzz/.build/<Module>.swiftmodule, instrumented with
#      -sanitize=fuzzer,address (coverage for libFuzzer, AddressSanitizer + LeakSanitizer);
#   2. each target's entry point (@_cdecl("LLVMFuzzerTestOneInput")) is compiled with
#      -parse-as-library against those modules and linked with the module objects.
# No module of the library uses SwiftPM resources (Bundle.module): the models are compiled in.
#
# Usage: fuzz/build.sh [TARGET...]     (default: every fuzz/targets/*.swift)
# Env:   OPT=-O (default) or OPT=-Onone; SWIFTC=swiftc
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/.build"
mkdir -p "$out"
SWIFTC="${SWIFTC:-swiftc}"
OPT="${OPT:--O}"
common=(-swift-version 6 -enable-upcoming-feature ExistentialAny -parse-as-library -package-name Chronicle
        -sanitize=fuzzer,address "$OPT" -g -I "$out")

# The library's modules in dependency order (see Package.swift).
modules=(ChronicleCalendar ChronicleCore ChronicleText ChronicleLanguage ChronicleTime ChronicleEvents
         ChronicleRelations ChronicleEntities ChronicleFormats ChronicleTimeline ChronicleEvaluation
         Chronicle ChronicleService)

stamp=""
for m in "${modules[@]}"; do
    obj="$out/$m.o"
    sources=()
    while IFS= read -r -d '' f; do sources+=("$f"); done < <(find "$root/Sources/$m" -name '*.swift' -print0 | sort -z)
    # Up to date when the hash of its sources, the flags and the modules before it is the one recorded at its
    # last compilation (file times are not trusted: this machine's file system and clock can disagree).
    stamp=$( { printf '%s\n' "${common[@]}" "$stamp"; cat "${sources[@]}"; } | sha256sum | cut -d' ' -f1)
    if [[ -f "$obj" && "$(cat "$out/$m.stamp" 2>/dev/null)" == "$stamp" ]]; then
        continue
    fi
    rm -f "$out/$m.stamp"
    echo "compiling module $m (${#sources[@]} files)" >&2
    "$SWIFTC" "${common[@]}" -module-name "$m" -wmo -emit-module -emit-module-path "$out/$m.swiftmodule" \
        -emit-object -o "$obj" "${sources[@]}"
    echo "$stamp" > "$out/$m.stamp"
done

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for f in "$here"/targets/*.swift; do targets+=("$(basename "$f" .swift)"); done
fi
objects=()
for m in "${modules[@]}"; do objects+=("$out/$m.o"); done
for t in "${targets[@]}"; do
    echo "linking fuzz target $t" >&2
    # A target may compile more of the repository's files in (fuzz/targets/<target>.sources, one path a line).
    extra=()
    if [[ -f "$here/targets/$t.sources" ]]; then
        while IFS= read -r f; do [[ -n "$f" ]] && extra+=("$root/$f"); done < "$here/targets/$t.sources"
    fi
    "$SWIFTC" "${common[@]}" -module-name "Fuzz_${t//-/_}" "$here/targets/$t.swift" "$here/targets/Support/"*.swift "${extra[@]}" \
        "${objects[@]}" -o "$out/fuzz-$t" 2>&1 | { grep -v "Cannot export local symbol" || true; }
    [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "linking $t failed" >&2; exit 1; }
done
echo "built: ${targets[*]} in $out" >&2
