"""The app's look: a Gradio theme with readable contrast and the CSS for our HTML.

Notice colours, icons and roles come from :data:`assistant.vocab.NOTICES` (one place for each list
of names); this module only turns them into CSS. Every text colour here has a contrast of at
least 4.5:1 on its background (WCAG 2.2 AA; the browser tests run axe-core on every tab).
"""

from __future__ import annotations

from typing import Any

from assistant.vocab import NOTICES

INK = "#1e293b"  # body text (14.6:1 on white)
MUTED = "#475569"  # secondary text (7.6:1 on white)
ACCENT = "#0b5563"  # buttons, links, chips (8.1:1 with white)
ACCENT_DARK = "#083f4a"
FOCUS = "#1d4ed8"  # the focus ring (3:1 or more against white and the accent)
PHONE = "(max-width: 640px)"


def theme() -> Any:
    import gradio as gr

    # System fonts only: a web font would be fetched from the internet.
    return gr.themes.Soft(
        primary_hue="teal",
        neutral_hue="slate",
        font=["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    ).set(
        body_text_color=INK,
        body_text_color_subdued=MUTED,
        block_label_text_color=INK,
        block_info_text_color=MUTED,
        block_title_text_color=INK,
        checkbox_label_text_color=INK,
        input_placeholder_color="#5b6b7f",
        link_text_color=ACCENT,
        link_text_color_visited=ACCENT,
        button_primary_background_fill=ACCENT,
        button_primary_background_fill_hover=ACCENT_DARK,
        button_primary_text_color="#ffffff",
        button_primary_text_color_hover="#ffffff",
        button_secondary_text_color=INK,
        button_secondary_background_fill="#e2e8f0",
        button_secondary_background_fill_hover="#cbd5e1",
        checkbox_background_color_selected=ACCENT,
        checkbox_label_background_fill_selected=ACCENT,
        checkbox_label_text_color_selected="#ffffff",
        checkbox_border_color_selected=ACCENT,
    )


def notice_css() -> str:
    """One rule set per notice kind, from the vocabulary."""
    rules = []
    for n in NOTICES:
        rules.append(
            f".ba-notice-{n.key} {{ background: {n.background}; border-color: {n.border}; "
            f"color: {n.text}; }}\n"
            f".ba-notice-{n.key} .ba-icon {{ background: {n.text}; color: {n.background}; }}\n"
            f".ba-notice-{n.key} a, .ba-notice-{n.key} summary {{ color: {n.text}; }}"
        )
        if n.always_full:
            rules.append(f".ba-notice-{n.key} {{ border-width: 2px; border-left-width: 6px; }}")
    return "\n".join(rules)


LAYOUT = f"""
.gradio-container {{ max-width: 1320px !important; margin: 0 auto !important;
  overflow: visible !important; }}
.sr-only {{ position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }}
:focus-visible {{ outline: 3px solid {FOCUS} !important; outline-offset: 2px !important; }}
#question:focus-within {{ box-shadow: 0 0 0 3px {FOCUS} !important; border-radius: 10px; }}
#question textarea:focus {{ outline: none !important; }}
.prose, .prose p, .ba-conversation, .ba-conversation p {{ color: {INK}; }}
footer, footer a, footer button, .show-api, .built-with, .settings {{ color: {MUTED} !important;
  opacity: 1 !important; }}
button, summary, a {{ min-height: 24px; }}

.ba-header {{ display: flex; align-items: center; gap: 12px; padding: 10px 16px;
  background: {ACCENT}; color: #fff; border-radius: 12px; }}
.ba-header h1 {{ color: #fff !important; font-size: 1.25rem; margin: 0; font-weight: 700; }}
.ba-header p {{ color: #fff !important; margin: 0; font-size: 0.9rem; }}
.ba-header .ba-logo {{ flex: none; }}

#conversation {{ min-height: 120px; }}
.ba-conversation {{ display: flex; flex-direction: column; gap: 18px; }}
.ba-turn {{ scroll-margin-top: 12px; }}
.ba-q {{ font-size: 1rem !important; font-weight: 600; margin: 0 0 8px !important;
  padding: 8px 12px; background: #eef2f7; border-radius: 10px; white-space: pre-wrap; }}
.ba-answer {{ scroll-margin-top: 12px; padding: 0 2px; }}
.ba-answer:focus {{ outline: none; }}
.ba-bottom {{ font-size: 1.05rem; font-weight: 600; line-height: 1.5; margin: 6px 0 8px; }}
.ba-para {{ margin: 6px 0; line-height: 1.55; }}
.ba-points {{ margin: 0 0 8px; padding-left: 1.2rem; }}
.ba-points li {{ margin: 0 0 6px; line-height: 1.55; }}
.ba-abstain {{ font-style: italic; }}
.ba-note {{ background: #f1f5f9; border-radius: 8px; padding: 6px 10px; color: {INK};
  font-size: 0.9rem; margin: 8px 0; }}
.ba-meta {{ color: {MUTED}; font-size: 0.85rem; margin: 6px 0; }}
.ba-meta b {{ color: {INK}; }}
.ba-pending {{ color: {MUTED}; display: flex; gap: 8px; align-items: center; }}
.ba-spinner {{ width: 14px; height: 14px; border: 3px solid #cbd5e1; border-top-color: {ACCENT};
  border-radius: 50%; animation: ba-spin 0.9s linear infinite; }}
@keyframes ba-spin {{ to {{ transform: rotate(360deg); }} }}
@media (prefers-reduced-motion: reduce) {{ .ba-spinner {{ animation: none; }} }}
.ba-error, .ba-msg-error {{ background: #fff7ed; border: 1px solid #c2410c; color: #7c2d12;
  border-radius: 10px; padding: 9px 12px; }}
.ba-msg {{ border-radius: 10px; padding: 9px 12px; margin: 6px 0; background: #f0fdf4;
  border: 1px solid #15803d; color: #14532d; }}
.ba-msg-info {{ background: #eff6ff; border-color: #1d4ed8; color: #1e3a8a; }}
.ba-msg ul {{ margin: 4px 0 0; padding-left: 1.1rem; }}

.ba-notices {{ display: flex; flex-direction: column; gap: 6px; margin: 0 0 8px; }}
.ba-notice {{ border: 1px solid; border-radius: 10px; padding: 8px 12px; font-size: 0.92rem;
  line-height: 1.45; margin: 0; scroll-margin-top: 12px; }}
.ba-notice p {{ margin: 0; }}
.ba-notice-head {{ font-weight: 700; font-size: 1rem; margin-bottom: 2px !important; }}
.ba-notice-line {{ padding: 4px 10px; }}
.ba-notice-line summary {{ cursor: pointer; padding: 4px 0; min-height: 24px; }}
.ba-notice-line details p {{ padding: 4px 0 2px; }}
.ba-notice-label {{ font-weight: 700; }}
.ba-more {{ text-decoration: underline; font-size: 0.85rem; margin-left: 4px; }}
.ba-icon {{ display: inline-flex; align-items: center; justify-content: center; width: 1.35em;
  height: 1.35em; border-radius: 50%; margin-right: 6px; font-size: 0.78em; font-weight: 800;
  vertical-align: 1px; }}
.ba-call {{ margin-top: 6px !important; }}
.ba-call-link {{ display: inline-block; font-weight: 700; padding: 8px 14px; border-radius: 8px;
  background: #7f1d1d; color: #fff !important; text-decoration: none; margin-right: 8px;
  min-height: 44px; line-height: 28px; }}

.ba-cite-wrap {{ position: relative; }}
.ba-cite {{ display: inline-block; min-width: 24px; min-height: 24px; line-height: 24px;
  text-align: center; font-size: 0.8rem; font-weight: 700; color: {ACCENT} !important;
  background: #dff1f4; border-radius: 6px; padding: 0 4px; margin: 0 1px;
  text-decoration: none !important; }}
.ba-cite:hover {{ background: #c4e6ec; }}
.ba-preview {{ display: none; position: absolute; left: 0; top: 1.9em; z-index: 30;
  width: min(420px, 80vw); background: #fff; color: {INK}; border: 1px solid #94a3b8;
  border-radius: 8px; padding: 8px 10px; font-size: 0.85rem; font-weight: 400;
  line-height: 1.45; box-shadow: 0 6px 20px rgba(15, 23, 42, 0.18); }}
@media (hover: hover) and (min-width: 641px) {{
  .ba-cite-wrap:hover .ba-preview, .ba-cite:focus-visible + .ba-preview {{ display: block; }}
}}
.ba-chip, .ba-xref {{ font-size: 0.8rem; color: {MUTED}; }}

.ba-table-wrap {{ overflow-x: auto; margin: 8px 0; }}
.ba-evidence {{ border-collapse: collapse; width: 100%; font-size: 0.86rem; }}
.ba-evidence caption {{ text-align: left; font-weight: 600; padding: 4px 0; color: {INK}; }}
.ba-evidence th, .ba-evidence td {{ border-bottom: 1px solid #e2e8f0; padding: 5px 6px;
  text-align: left; vertical-align: top; color: {INK}; }}
.ba-evidence th {{ background: #f1f5f9; }}
.ba-design {{ display: block; color: {MUTED}; font-size: 0.8rem; }}
.ba-result {{ font-weight: 700; }}

.ba-actions {{ margin: 8px 0 4px; }}
.ba-copy, .ba-btn, .ba-example {{ font: inherit; font-size: 0.88rem; cursor: pointer;
  border: 1px solid #94a3b8; background: #fff; color: {INK}; border-radius: 8px;
  padding: 6px 12px; min-height: 36px; }}
.ba-copy:hover, .ba-btn:hover, .ba-example:hover {{ background: #f1f5f9; }}
.ba-btn-danger {{ color: #991b1b; border-color: #991b1b; }}
.ba-sources {{ border: 1px solid #cbd5e1; border-radius: 10px; margin-top: 6px; }}
.ba-sources > summary {{ cursor: pointer; font-weight: 700; font-size: 0.95rem; color: {INK};
  padding: 10px 12px; min-height: 44px; box-sizing: border-box; }}
.ba-source-list {{ list-style: none; margin: 0; padding: 0 12px 6px; }}
.ba-src {{ border-top: 1px solid #e2e8f0; padding: 8px 0; scroll-margin-top: 80px; }}
.ba-src:focus {{ outline: 3px solid {FOCUS}; outline-offset: 2px; }}
.ba-src.ba-hl .ba-quote {{ background: #fef3c7; border-left-color: #92400e; }}
.ba-ref {{ font-size: 0.9rem; line-height: 1.45; margin: 0; color: {INK}; }}
.ba-ref a {{ color: {ACCENT}; text-decoration: underline; }}
.ba-n {{ font-weight: 700; color: {ACCENT}; }}
.ba-badges {{ margin: 4px 0 2px; }}
.ba-badge {{ display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 1px 8px;
  border-radius: 999px; background: #e2e8f0; color: {INK}; margin-right: 4px; }}
.ba-badge-user {{ background: #fce7f3; color: #831843; border: 1px solid #be185d; }}
.ba-claim, .ba-subs {{ font-size: 0.8rem; color: {MUTED}; }}
.ba-quote {{ margin: 6px 0 2px !important; padding: 4px 10px !important; color: {INK};
  border-left: 3px solid #64748b; font-size: 0.88rem; background: #f8fafc;
  border-radius: 0 6px 6px 0; }}
.ba-page {{ color: {MUTED}; font-size: 0.8rem; white-space: nowrap; }}

.ba-welcome h2 {{ font-size: 1.2rem; margin: 4px 0 6px; }}
.ba-welcome h3 {{ font-size: 1rem; margin: 12px 0 6px; }}
.ba-disclaimer {{ background: #fff8e6; border: 1px solid #b45309; color: #713f12;
  border-radius: 10px; padding: 8px 12px; }}
.ba-examples {{ list-style: none; padding: 0; margin: 0; display: grid; gap: 6px;
  grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }}
.ba-example {{ width: 100%; text-align: left; }}
.ba-who {{ font-weight: 700; color: {ACCENT}; }}
.ba-upload .ba-q {{ background: #fdf2f8; }}
.ba-upload-lines {{ margin: 0; padding-left: 1.1rem; font-size: 0.9rem; }}

#ask-box {{ position: sticky; bottom: 0; z-index: 20; background: var(--body-background-fill);
  padding: 8px 0 6px; box-shadow: 0 -6px 12px -8px rgba(15, 23, 42, 0.25); }}
#side {{ position: sticky; top: 8px; align-self: flex-start; }}
[role=tab].selected {{ color: {ACCENT} !important; font-weight: 700; }}
[role=tab].selected::after {{ background: {ACCENT} !important; }}

.ba-ci-note {{ background: #fff8e6; border: 1px solid #b45309; color: #713f12;
  border-radius: 10px; padding: 10px 14px; }}
.ba-ci {{ border: 1px solid #cbd5e1; border-radius: 12px; padding: 10px 14px; margin: 10px 0; }}
.ba-ci h4 {{ margin: 0 0 6px; font-size: 1.02rem; display: flex; gap: 10px; flex-wrap: wrap;
  align-items: center; }}
.ba-ci p {{ margin: 4px 0; font-size: 0.92rem; line-height: 1.5; }}
.ba-status {{ font-size: 0.75rem; font-weight: 700; padding: 2px 9px; border-radius: 999px;
  text-transform: uppercase; letter-spacing: 0.03em; }}
.ba-status-contraindicated {{ background: #991b1b; color: #fff; }}
.ba-status-warning {{ background: #9a3412; color: #fff; }}
.ba-status-precaution {{ background: #fde68a; color: #78350f; }}
.ba-status-not-addressed {{ background: #e2e8f0; color: {INK}; }}
.ba-src-line {{ display: block; color: {MUTED}; font-size: 0.85rem; }}
.ba-src-line a {{ color: {ACCENT}; }}
.ba-empty {{ color: {MUTED}; padding: 14px; text-align: center; border: 1px dashed #94a3b8;
  border-radius: 12px; }}

.ba-count {{ color: {MUTED}; font-size: 0.9rem; margin: 4px 0 8px; }}
.ba-cards {{ list-style: none; margin: 0; padding: 0; display: grid; gap: 10px;
  grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }}
.ba-card {{ border: 1px solid #cbd5e1; border-radius: 12px; padding: 10px 12px;
  display: flex; flex-direction: column; gap: 4px; background: #fff; }}
.ba-card-user {{ border-color: #be185d; }}
.ba-card-title {{ font-size: 0.98rem; margin: 0; line-height: 1.35; }}
.ba-card-meta {{ font-size: 0.85rem; color: {MUTED}; margin: 0; }}
.ba-card-actions {{ display: flex; flex-wrap: wrap; gap: 6px; margin-top: auto; }}
.ba-record h3 {{ font-size: 1.15rem; margin: 0 0 6px; }}
.ba-record h4 {{ margin: 14px 0 4px; font-size: 0.95rem; color: {ACCENT}; }}
.ba-record p {{ margin: 4px 0; line-height: 1.55; font-size: 0.93rem; }}
.ba-badge-id {{ font-family: var(--font-mono); font-weight: 400; }}
.ba-facts {{ display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  font-size: 0.88rem; margin: 8px 0; }}
.ba-facts dt {{ color: {MUTED}; }}
.ba-facts dd {{ margin: 0; }}
.ba-check h3 {{ font-size: 1.1rem; }}
.ba-verdict-head {{ margin: 12px 0 4px; font-size: 1rem; }}
.ba-verdict-contradicted {{ color: #991b1b; }}
.ba-verdict-supported {{ color: #166534; }}
.ba-verdict-not-covered {{ color: {MUTED}; }}
.ba-claims {{ list-style: none; padding: 0; margin: 0; }}
.ba-claim-item {{ border-left: 4px solid #cbd5e1; padding: 4px 10px; margin: 6px 0; }}
.ba-claim-item.ba-verdict-contradicted {{ border-left-color: #991b1b; color: {INK}; }}
.ba-claim-item.ba-verdict-supported {{ border-left-color: #166534; color: {INK}; }}
.ba-claim-item.ba-verdict-not-covered {{ color: {INK}; }}
.ba-claim-text q {{ font-style: italic; }}
.ba-claim-text, .ba-claim-why {{ display: block !important; margin: 2px 0 !important; }}
.ba-quote footer {{ font-size: 0.8rem; color: {MUTED}; margin-top: 2px; }}

@media {PHONE} {{
  body .gradio-container main.app.fillable, body .gradio-container .main {{
    padding: 6px 8px !important; }}
  .html-container {{ padding: 4px 2px !important; }}
  .ba-header {{ padding: 6px 10px; border-radius: 8px; }}
  .ba-header h1 {{ font-size: 1rem; }}
  .ba-header p {{ font-size: 0.78rem; }}
  .ba-header .ba-logo {{ width: 28px; height: 28px; }}
  #side {{ position: static; }}
  .ba-evidence thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }}
  .ba-evidence, .ba-evidence tbody, .ba-evidence tr, .ba-evidence td {{ display: block;
    width: 100%; box-sizing: border-box; }}
  .ba-evidence tr {{ border: 1px solid #cbd5e1; border-radius: 8px; margin: 6px 0;
    padding: 4px 6px; }}
  .ba-evidence td {{ border: none; padding: 2px 0; }}
  .ba-evidence td::before {{ content: attr(data-label) ": "; font-weight: 700; }}
  .ba-evidence caption {{ display: block; width: 100%; }}
  .ba-cards {{ grid-template-columns: 1fr; }}
  .ba-examples {{ grid-template-columns: 1fr; }}
}}
"""


def css() -> str:
    return LAYOUT + "\n" + notice_css()
