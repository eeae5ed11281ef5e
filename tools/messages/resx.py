"""Reads and writes the message catalog: Messages.resx (Vietnamese, the neutral culture) and Messages.en.resx."""
import os
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
'''


def read(path):
    """name -> (value, comment) of a .resx file; empty when the file does not exist."""
    if not os.path.exists(path):
        return {}
    entries = {}
    for data in ET.parse(path).getroot().iter('data'):
        value = data.find('value')
        comment = data.find('comment')
        entries[data.get('name')] = (value.text or '' if value is not None else '',
                                     comment.text if comment is not None else None)
    return entries


def render(entries):
    lines = [HEADER]
    for name in sorted(entries, key=lambda k: (k.lower(), k)):
        value, comment = entries[name]
        lines.append(f'  <data name="{escape(name, {chr(34): "&quot;"})}" xml:space="preserve">\n'
                     f'    <value>{escape(value)}</value>\n')
        if comment:
            lines.append(f'    <comment>{escape(comment)}</comment>\n')
        lines.append('  </data>\n')
    lines.append('</root>\n')
    return ''.join(lines)


class Catalog:
    def __init__(self, vi_path):
        self.vi_path = vi_path
        self.en_path = vi_path[:-len('.resx')] + '.en.resx'
        self.vi = read(self.vi_path)
        self.en = read(self.en_path)
        self.added = []
        self.by_pair = {}
        for key in sorted(self.vi):
            if key in self.en:
                self.by_pair.setdefault((self.vi[key][0], self.en[key][0]), key)

    @property
    def entries(self):
        return set(self.vi) | set(self.en)

    def key_for(self, vi_text, en_text, base):
        """The key of this pair: the existing one, or a new key from base (base2, base3... when base is taken)."""
        pair = (vi_text, en_text)
        if pair in self.by_pair:
            return self.by_pair[pair]
        key, n = base, 1
        taken = {k.lower() for k in self.entries}
        while key.lower() in taken:
            n += 1
            key = f'{base}{n}'
        self.vi[key] = (vi_text, None)
        self.en[key] = (en_text, None)
        self.by_pair[pair] = key
        self.added.append(key)
        return key

    def save(self):
        if not self.added:
            return
        os.makedirs(os.path.dirname(self.vi_path), exist_ok=True)
        for path, entries in ((self.vi_path, self.vi), (self.en_path, self.en)):
            with open(path, 'w', encoding='utf-8', newline='\n') as f:
                f.write(render(entries))
