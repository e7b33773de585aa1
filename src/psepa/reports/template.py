"""The HTML report's Jinja2 template, kept in the package as text so that it ships with it."""

from __future__ import annotations

REPORT_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ r.title }}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; @bottom-right { content: counter(page) " / " counter(pages);
          font-size: 8pt; } }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #111; max-width: 60em;
         margin: 1em auto; }
  h1 { font-size: 16pt; margin-bottom: 0.2em; }
  h2 { font-size: 12pt; margin-top: 1.4em; border-bottom: 1px solid #999; }
  table { border-collapse: collapse; margin: 0.4em 0; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left;
           vertical-align: top; }
  table.wide { font-size: 7.5pt; }
  th { font-size: 8pt; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .finding { padding: 4px 8px; margin: 4px 0; border-left: 4px solid #2a7; background: #f3faf5; }
  .finding.bad { border-color: #c33; background: #fbeeee; }
  .note, figcaption { color: #444; font-size: 8.5pt; }
  figure { margin: 0.6em 0; page-break-inside: avoid; }
  figure img { width: 100%; }
  tr { page-break-inside: avoid; }
</style>
</head>
<body>
<h1>{{ r.title }}</h1>
<p>Denver, {{ r.period.first.isoformat() }} to {{ r.period.last.isoformat() }} (Denver time),
compared with {{ r.previous.label }}. Computed by psepa from the case records on
{{ r.generated_at.isoformat() }}.
{% if r.public %}Counts from 1 to {{ r.threshold - 1 }} are hidden ("fewer than
{{ r.threshold }}") so that no one can be picked out; no names or booking numbers appear.
{% else %}Internal version: every count is shown and it may name bookings. Do not publish.
{% endif %}</p>

<h2>What the records show</h2>
{% for f in r.findings %}<div class="finding{% if not f.ok %} bad{% endif %}">{{ f.text }}</div>
{% endfor %}

{% for name, svg in charts %}
<figure><img alt="{{ captions[name] }}" src="data:image/svg+xml;base64,{{ svg }}">
<figcaption>{{ captions[name] }}.{% if r.public %} Hidden counts are drawn as zero.{% endif %}
</figcaption></figure>
{% endfor %}

{% for t in tables %}
<h2 id="{{ t.id }}">{{ t.title }}</h2>
<table{% if t.columns|length > 7 %} class="wide"{% endif %}>
<thead><tr>{% for c in t.columns %}<th title="{{ c.meaning }}">{{ c.name.replace("_", " ")
}}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in t.rows %}{% set i = loop.index0 %}<tr>{% for c in t.columns %}{% set v = row[c.name]
%}<td{% if c.type in ("integer", "number") %} class="n"{% endif %}>{% if (i, c.name) in
t.suppressed %}{% if c.type == "integer" and c.suppressible %}fewer than {{ r.threshold
}}{% else %}hidden{% endif %}{% elif v is none %}&mdash;{% elif v is number
%}{{ "{:,}".format(v) }}{% else %}{{ v }}{% endif %}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
{% for n in t.notes %}<p class="note">{{ n }}</p>{% endfor %}
{% endfor %}

<h2>Data dictionary</h2>
<p class="note">{{ general }}</p>
<table><thead><tr><th>table</th><th>column</th><th>type</th><th>meaning</th><th>source</th></tr>
</thead><tbody>
{% for d in dictionary %}<tr><td>{{ d.table }}</td><td>{{ d.column }}</td><td>{{ d.type }}</td>
<td>{{ d.meaning }}</td><td>{{ d.source }}</td></tr>
{% endfor %}</tbody></table>
</body>
</html>
"""
