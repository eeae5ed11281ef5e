"""A small lexer for the parts of C# the message converter needs: string literals (regular, verbatim, interpolated,
raw), char literals, comments, and balanced brackets. It never evaluates anything."""

ESCAPES = {'"': '"', "'": "'", '\\': '\\', '0': '\0', 'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
           't': '\t', 'v': '\v', 'e': '\x1b'}
OPEN, CLOSE = '([{', ')]}'


class NotSupported(Exception):
    pass


def string_prefix(s, i):
    """If a string literal starts at i, returns (dollars, verbatim, quote_index); else None."""
    j, dollars, verbatim = i, 0, False
    while j < len(s) and s[j] in '$@':
        if s[j] == '$':
            dollars += 1
        else:
            if verbatim:
                return None
            verbatim = True
        j += 1
    if j < len(s) and s[j] == '"':
        return dollars, verbatim, j
    return None


def decode_escape(s, i):
    """Decodes the escape sequence starting at the backslash s[i]; returns (text, next index)."""
    c = s[i + 1]
    if c in ESCAPES:
        return ESCAPES[c], i + 2
    if c == 'u':
        return chr(int(s[i + 2:i + 6], 16)), i + 6
    if c == 'U':
        return chr(int(s[i + 2:i + 10], 16)), i + 10
    if c == 'x':
        j = i + 2
        while j < len(s) and j < i + 6 and s[j] in '0123456789abcdefABCDEF':
            j += 1
        return chr(int(s[i + 2:j], 16)), j
    raise NotSupported(f'escape \\{c}')


def lex_string(s, i):
    """Lexes the string literal at i. Returns (end, parts, kind) where parts are ('text', decoded) and
    ('hole', expr, alignment, format) and kind is 'regular', 'verbatim' or 'raw'."""
    prefix = string_prefix(s, i)
    if prefix is None:
        raise NotSupported('not a string literal')
    dollars, verbatim, q = prefix
    if s.startswith('"""', q):
        return lex_raw(s, q, dollars)
    if dollars > 1:
        raise NotSupported('$$ outside a raw string')
    interpolated = dollars == 1
    parts, text, j = [], [], q + 1
    while True:
        if j >= len(s):
            raise NotSupported('unterminated string')
        c = s[j]
        if c == '"':
            if verbatim and s.startswith('""', j):
                text.append('"')
                j += 2
                continue
            j += 1
            break
        if c == '\\' and not verbatim:
            t, j = decode_escape(s, j)
            text.append(t)
            continue
        if interpolated and c in '{}':
            if s.startswith(c * 2, j):
                text.append(c)
                j += 2
                continue
            if c == '}':
                raise NotSupported('lone } in interpolated string')
            if text:
                parts.append(('text', ''.join(text)))
                text = []
            hole, j = lex_hole(s, j + 1, verbatim)
            parts.append(hole)
            continue
        text.append(c)
        j += 1
    if text:
        parts.append(('text', ''.join(text)))
    return j, parts, 'verbatim' if verbatim else 'regular'


def lex_hole(s, i, verbatim):
    """Lexes an interpolation hole whose expression starts at i (after '{'). Returns (('hole', expr, align, fmt), end)."""
    end, stops = scan_code(s, i, '}', ',:')
    expr_end = min([p for p in stops] + [end])
    expr = s[i:expr_end]
    align, fmt = None, None
    if expr_end < end and s[expr_end] == ',':
        colon = [p for p in stops if p > expr_end and s[p] == ':']
        align_end = colon[0] if colon else end
        align = s[expr_end + 1:align_end].strip()
        if colon:
            fmt, end = lex_format(s, colon[0] + 1, verbatim)
    elif expr_end < end and s[expr_end] == ':':
        fmt, end = lex_format(s, expr_end + 1, verbatim)
    return ('hole', expr, align, fmt), end + 1


def lex_format(s, i, verbatim):
    """The format part of a hole (after ':') up to its '}'; returns (decoded format, index of '}')."""
    out, j = [], i
    while s[j] != '}':
        if s[j] == '\\' and not verbatim:
            t, j = decode_escape(s, j)
            out.append(t)
        else:
            out.append(s[j])
            j += 1
    return ''.join(out), j


def lex_raw(s, q, dollars):
    n = 0
    while s[q + n] == '"':
        n += 1
    close = s.find('"' * n, q + n)
    if close < 0:
        raise NotSupported('unterminated raw string')
    return close + n, [('text', s[q + n:close])], 'raw-interpolated' if dollars else 'raw'


def skip_char(s, i):
    """Skips the char literal at i (s[i] == "'"); returns the index after it."""
    j = i + 1
    if s[j] == '\\':
        j += 2
        while s[j] != "'":
            j += 1
        return j + 1
    if j + 1 < len(s) and s[j + 1] == "'":
        return j + 2
    return i + 1  # not a char literal (e.g. an apostrophe in Razor markup)


def skip_comment(s, i):
    """If a comment starts at i, returns the index after it; else None."""
    if s.startswith('//', i):
        j = s.find('\n', i)
        return len(s) if j < 0 else j
    if s.startswith('/*', i):
        j = s.find('*/', i + 2)
        return len(s) if j < 0 else j + 2
    return None


def scan_code(s, i, terminators, watch=''):
    """Scans C# code from i to the first terminator char at bracket depth 0. Returns (index of terminator,
    positions of `watch` chars seen at depth 0)."""
    depth, j, seen = 0, i, []
    while j < len(s):
        c = s[j]
        if string_prefix(s, j) is not None:
            j = lex_string(s, j)[0]
            continue
        if c == "'":
            j = skip_char(s, j)
            continue
        end = skip_comment(s, j)
        if end is not None:
            j = end
            continue
        if depth == 0 and c in terminators:
            return j, seen
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
            if depth < 0:
                raise NotSupported('unbalanced brackets')
        elif depth == 0 and c in watch:
            if not (c == ':' and (s.startswith('::', j) or s.startswith('::', j - 1))):
                seen.append(j)
        j += 1
    raise NotSupported('unterminated code')
