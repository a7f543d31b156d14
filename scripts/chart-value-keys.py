"""Prints every value key path of a chart: its values.yaml and its subcharts' (recursively,
packaged .tgz or directories, under their alias when the dependency has one).

One dotted path per line, sorted. A dot inside a key is written `\\.`. A map whose default is
empty (`{}`) is free-form: it gets an extra `path.*` line, meaning any key below it is accepted.

    python3 scripts/chart-value-keys.py CHART_DIR > Tests/InstallerTests/Fixtures/chart-30-keys.txt

Needs PyYAML.
"""
import io, os, sys, tarfile, yaml

def esc(k):
    return str(k).replace('\\', '\\\\').replace('.', '\\.')

def walk(node, prefix, out):
    if isinstance(node, dict):
        if prefix and not node:
            out.add(prefix + '.*')
        for k, v in node.items():
            p = (prefix + '.' if prefix else '') + esc(k)
            out.add(p)
            walk(v, p, out)

def chart_files_from_tgz(data):
    """{relative path: bytes} of a packaged chart, top directory stripped."""
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        for m in t.getmembers():
            if m.isfile():
                parts = m.name.split('/', 1)
                if len(parts) == 2:
                    files[parts[1]] = t.extractfile(m).read()
    return files

def chart_files_from_dir(d):
    files = {}
    for root, _, names in os.walk(d):
        for n in names:
            full = os.path.join(root, n)
            files[os.path.relpath(full, d)] = open(full, 'rb').read()
    return files

def collect(files, prefix, out):
    values = yaml.safe_load(files.get('values.yaml', b'') or b'') or {}
    walk(values, prefix, out)
    chart = yaml.safe_load(files.get('Chart.yaml', b'')) or {}
    aliases = {d['name']: d.get('alias') for d in chart.get('dependencies') or []}
    # subcharts: charts/<x>.tgz or charts/<name>/...
    subdirs = {}
    for path, data in files.items():
        if not path.startswith('charts/'):
            continue
        rest = path[len('charts/'):]
        if '/' not in rest and rest.endswith('.tgz'):
            sub = chart_files_from_tgz(data)
            name = yaml.safe_load(sub['Chart.yaml'])['name']
            collect(sub, join(prefix, aliases.get(name) or name), out)
        elif '/' in rest:
            d, p = rest.split('/', 1)
            subdirs.setdefault(d, {})[p] = data
    for d, sub in subdirs.items():
        if 'Chart.yaml' in sub:
            name = yaml.safe_load(sub['Chart.yaml'])['name']
            collect(sub, join(prefix, aliases.get(name) or name), out)

def join(prefix, name):
    out_name = esc(name)
    return prefix + '.' + out_name if prefix else out_name

if __name__ == '__main__':
    out = set()
    collect(chart_files_from_dir(sys.argv[1]), '', out)
    for p in sorted(out):
        print(p)
