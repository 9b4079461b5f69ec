import { describe, expect, it } from 'vitest';
import { doneAlert, feedbackOf, photoAlert } from './feedback.ts';
import { usePortalTranslations } from './messages.ts';

const vi = usePortalTranslations('vi');
const en = usePortalTranslations('en');

describe('feedbackOf', () => {
  it('shows worded field problems under their fields and asks to correct them', () => {
    const shown = feedbackOf(
      { error: { type: 'AstroActionInputError', fields: { price: ['Giá bán (đồng): phải lớn hơn 0.'] } } },
      vi,
    );
    expect(shown.fields).toEqual({ price: 'Giá bán (đồng): phải lớn hơn 0.' });
    expect(shown.alert).toEqual({ kind: 'error', text: vi('form.invalid') });
  });

  it('words a refusal key in the visitor’s language', () => {
    const shown = feedbackOf({ error: { type: 'AstroActionError', message: 'refusal.stale-version' } }, en);
    expect(shown.alert?.text).toBe(
      'The listing changed after you opened it: reload the page and review the latest version.',
    );
  });

  it('says nothing when nothing was refused', () => {
    expect(feedbackOf(undefined, vi)).toEqual({ fields: {}, alert: null });
  });
});

describe('alerts after a redirect', () => {
  it('names the state a move led to, and ignores a made-up one', () => {
    expect(doneAlert(new URLSearchParams('done=moved&state=pending'), en)?.text).toBe(
      'Updated: Awaiting review.',
    );
    expect(doneAlert(new URLSearchParams('done=moved&state=<b>'), en)).toBeNull();
  });

  it('explains a refused photo with its numbers', () => {
    const alert = photoAlert(
      new URLSearchParams('photoProblem=photo.too-small&width=300&height=200&min=480'),
      en,
    );
    expect(alert?.text).toBe(
      'The photo is too small (300 × 200 pixels): each side needs at least 480 pixels.',
    );
  });
});
