#!/usr/bin/env python3
"""Converts inline Vietnamese/English message pairs into the message catalog.

Finds every `Text.Pick(vi, en)` (also `Infrastructure.Text.Pick`, `Ui.T`, and the bare `T` that views and
`using static ...Ui` files call) in src/BroadcastHub.Web (Playout/ only with --include-playout), gives each pair a key derived from the
English text (identical pairs share one key; a key already in the catalog for the same pair is reused), merges the
entries into Messages.resx (Vietnamese, the neutral culture) and Messages.en.resx, and rewrites the call to
`Msg.Get("Key", args...)`. Interpolations become composite placeholders {0}, {1}... with the expressions passed as
arguments (an expression used by both languages is one argument).

Deterministic and idempotent: files are visited in sorted order, the catalog is written sorted by key, and a second
run finds nothing to do. Calls it cannot convert (an argument that is not a string literal, or two languages that
interpolate different expressions) are listed and left untouched; convert those by hand.

    python3 tools/messages/convert.py            # convert, report
    python3 tools/messages/convert.py --check    # change nothing; exit 1 if anything would be converted
"""
import argparse
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csharp_strings import NotSupported, lex_string, scan_code, skip_char, skip_comment, string_prefix  # noqa: E402
from resx import Catalog  # noqa: E402

WEB = 'src/BroadcastHub.Web'
SKIP_DIRS = {'bin', 'obj', 'wwwroot'}
OWNED_ELSEWHERE = 'Playout'  # the playout work's folder, converted only with --include-playout
CATALOG_NAME = 'Messages.resx'
DEFAULT_CATALOG_DIR = 'Infrastructure/Localisation'
QUALIFIED = re.compile(r'(?<![\w.])(?:\w+\.)*(?:Text\.Pick|Ui\.T)\s*\(')
BARE = re.compile(r'(?<![\w.])T\s*\(')
USES_UI_STATICALLY = re.compile(r'using\s+static\s+(?:\w+\.)*Ui\s*;|^\s*public\s+static\s+class\s+Ui\b', re.M)
KEY_WORDS = 6


class Unconvertible(Exception):
    pass


def source_files(root, include_playout=False):
    skip = SKIP_DIRS if include_playout else SKIP_DIRS | {OWNED_ELSEWHERE}
    for folder, dirs, files in os.walk(os.path.join(root, WEB)):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        for name in sorted(files):
            if name.endswith('.cs') or name.endswith('.cshtml'):
                yield os.path.join(folder, name)


def call_pattern(path, text):
    if path.endswith('.cshtml'):
        return re.compile(QUALIFIED.pattern + '|' + BARE.pattern)
    if USES_UI_STATICALLY.search(text):
        return re.compile(QUALIFIED.pattern + '|' + BARE.pattern)
    return QUALIFIED


class Converter:
    def __init__(self, catalog):
        self.catalog = catalog
        self.converted = 0
        self.problems = []
        self.notes = []
        self.warnings = []

    def process(self, s, pattern, is_razor, where):
        """Returns s with every convertible call replaced. Skips strings and comments outside calls in C# files."""
        out, i, n = [], 0, len(s)
        while i < n:
            if not is_razor:
                end = skip_comment(s, i)
                if end is not None:
                    out.append(s[i:end])
                    i = end
                    continue
                if string_prefix(s, i) is not None:
                    end = self.copy_string(s, i, pattern, where, out)
                    i = end
                    continue
                if s[i] == "'":
                    end = skip_char(s, i)
                    out.append(s[i:end])
                    i = end
                    continue
            m = pattern.match(s, i)
            if m:
                replaced, end = self.convert_call(s, m, pattern, where)
                out.append(replaced)
                i = end
                continue
            out.append(s[i])
            i += 1
        return ''.join(out)

    def copy_string(self, s, i, pattern, where, out):
        """Copies a string literal, converting calls inside its interpolation holes."""
        end, _, kind = lex_string(s, i)
        literal = s[i:end]
        if '{' in literal and '$' in s[i:s.index('"', i)] and not kind.startswith('raw'):
            literal = self.process_holes(literal, pattern, where)
        out.append(literal)
        return end

    def process_holes(self, literal, pattern, where):
        inner = self.process(literal[literal.index('"'):], pattern, True, where)
        return literal[:literal.index('"')] + inner

    def convert_call(self, s, m, pattern, where):
        open_paren = m.end() - 1
        try:
            close, commas = scan_code(s, open_paren + 1, ')', ',')
        except NotSupported as e:
            self.report(where(m.start()), f'cannot parse the call: {e}', s[m.start():m.start() + 80])
            return s[m.start():m.end()], m.end()
        original = s[m.start():close + 1]
        if len(commas) != 1:
            self.report(where(m.start()), 'not a (vietnamese, english) pair', original)
            return self.process_inside(s, m, close, pattern, where)
        try:
            vi = self.literal_parts(s[open_paren + 1:commas[0]], pattern, where)
            en = self.literal_parts(s[commas[0] + 1:close], pattern, where)
            key, args = self.entry(vi, en)
        except (Unconvertible, NotSupported) as e:
            self.report(where(m.start()), str(e), original)
            return self.process_inside(s, m, close, pattern, where)
        for note in self.notes:
            self.warnings.append((where(m.start()), note, key))
        self.notes = []
        self.converted += 1
        call = 'Msg.Get(' + ', '.join([f'"{key}"'] + args) + ')'
        return call, close + 1

    def process_inside(self, s, m, close, pattern, where):
        """An unconverted call: keep it, but still convert calls nested in its arguments."""
        return s[m.start():m.end()] + self.process(s[m.end():close], pattern, False, where) + ')', close + 1

    def literal_parts(self, source, pattern, where):
        """The parts of one argument made of string literals joined by '+'; holes have their calls converted."""
        parts, i, src = [], 0, source
        while True:
            while i < len(src) and src[i].isspace():
                i += 1
            if string_prefix(src, i) is None:
                raise Unconvertible('an argument is not a string literal')
            end, lit, kind = lex_string(src, i)
            if kind == 'raw-interpolated':
                raise Unconvertible('an interpolated raw string')
            for p in lit:
                if p[0] == 'hole':
                    expr = self.process(p[1], pattern, False, where).strip()
                    parts.append(('hole', ' '.join(expr.split()), p[2], p[3]))
                else:
                    parts.append(p)
            i = end
            while i < len(src) and src[i].isspace():
                i += 1
            if i == len(src):
                return parts
            if src[i] != '+':
                raise Unconvertible('an argument is not a string literal')
            i += 1

    def entry(self, vi, en):
        vi_exprs = [p[1] for p in vi if p[0] == 'hole']
        en_exprs = [p[1] for p in en if p[0] == 'hole']
        args = list(dict.fromkeys(vi_exprs + en_exprs))
        if set(vi_exprs) != set(en_exprs):
            self.notes.append(f'the languages interpolate different expressions {sorted(set(vi_exprs) ^ set(en_exprs))}; '
                              'fine only when one language deliberately leaves a detail out')
        vi_text, en_text = composite(vi, args), composite(en, args)
        key = self.catalog.key_for(vi_text, en_text, key_from(en, vi))
        return key, args

    def report(self, location, reason, snippet):
        self.problems.append((location, reason, ' '.join(snippet.split())[:160]))


def composite(parts, args):
    out = []
    for p in parts:
        if p[0] == 'text':
            out.append(p[1].replace('{', '{{').replace('}', '}}'))
        else:
            item = str(args.index(p[1]))
            if p[2]:
                item += ',' + p[2]
            if p[3] is not None:
                item += ':' + p[3]
            out.append('{' + item + '}')
    return ''.join(out)


def key_from(en_parts, vi_parts):
    """PascalCase of the first English words; when English is only placeholders, of the Vietnamese words unaccented."""
    text = ' '.join(p[1] for p in en_parts if p[0] == 'text')
    if not re.search('[A-Za-z]', text):
        text = unaccented(' '.join(p[1] for p in vi_parts if p[0] == 'text'))
    words = re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?", re.sub(r"'s\b", '', text))
    words = [w.replace("'", '') for w in words][:KEY_WORDS]
    key = ''.join(w[0].upper() + w[1:] for w in words) or 'Text'
    return 'N' + key if key[0].isdigit() else key


def unaccented(text):
    folded = unicodedata.normalize('NFD', text.replace('đ', 'd').replace('Đ', 'D'))
    return ''.join(c for c in folded if not unicodedata.combining(c))


def line_locator(path, text):
    starts = [0] + [m.end() for m in re.finditer('\n', text)]

    def where(offset):
        import bisect
        return f'{path}:{bisect.bisect_right(starts, offset)}'
    return where


def find_catalog(root):
    for folder, dirs, files in os.walk(os.path.join(root, WEB)):
        dirs[:] = sorted(d for d in dirs if d not in {'bin', 'obj'})
        if CATALOG_NAME in files:
            return os.path.join(folder, CATALOG_NAME)
    return os.path.join(root, WEB, DEFAULT_CATALOG_DIR, CATALOG_NAME)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--root', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    parser.add_argument('--check', action='store_true', help='change nothing; exit 1 if anything would change')
    parser.add_argument('--include-playout', action='store_true', help=f'also convert {WEB}/{OWNED_ELSEWHERE}/')
    opts = parser.parse_args()
    root = os.path.normpath(opts.root)
    catalog = Catalog(find_catalog(root))
    converter = Converter(catalog)
    changed = []
    for path in source_files(root, opts.include_playout):
        with open(path, encoding='utf-8', newline='') as f:
            text = f.read()
        rel = os.path.relpath(path, root)
        is_razor = path.endswith('.cshtml')
        new = converter.process(text, call_pattern(path, text), is_razor, line_locator(rel, text))
        if new != text:
            changed.append(rel)
            if not opts.check:
                with open(path, 'w', encoding='utf-8', newline='') as f:
                    f.write(new)
    added = catalog.added
    if not opts.check:
        catalog.save()
    print(f'{converter.converted} calls converted in {len(changed)} files; {len(added)} new keys '
          f'({len(catalog.entries)} in the catalog).')
    for location, reason, snippet in converter.problems:
        print(f'NOT CONVERTED {location}: {reason}\n    {snippet}')
    for location, note, key in converter.warnings:
        print(f'NOTE {location} ({key}): {note}')
    if opts.check and (changed or added):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
