import { describe, expect, it } from 'vitest';
import { errorText, formAlert, formFeedback, formState, waitText } from './form-results';
import { useAccountsTranslations } from './messages';

const inputError = (fields: Record<string, string[]>) => ({
  error: { type: 'AstroActionInputError', message: 'invalid', fields },
});

describe('form feedback', () => {
  it('translates each field’s first error code, naming the rule’s limits', () => {
    const feedback = formFeedback(
      inputError({ email: ['emailInvalid'], password: ['passwordTooShort'] }),
      'en',
    );
    expect(feedback).toEqual({
      fields: {
        email: 'This is not a valid email, e.g. name@example.com.',
        password: 'The password needs at least 10 characters.',
      },
      form: null,
    });
  });

  it('turns an action’s code into the form’s problem, and an unknown code into a generic one', () => {
    expect(formFeedback({ error: { message: 'invalidCredentials' } }, 'vi').form).toBe(
      'Email hoặc mật khẩu không đúng.',
    );
    expect(errorText(useAccountsTranslations('en'), 'no-such-code')).toBe(
      'That did not work. Please try again.',
    );
    expect(errorText(useAccountsTranslations('en'), undefined)).toBe('That did not work. Please try again.');
  });

  it('makes a hidden field’s error the form’s problem', () => {
    const feedback = formFeedback(
      inputError({ token: ['tokenInvalid'], password: ['passwordTooLong'] }),
      'en',
      ['token'],
    );
    expect(feedback.form).toBe('This reset link has expired or was already used. Ask for a new one.');
    expect(feedback.fields).toEqual({ password: 'The password can be at most 128 characters.' });
  });

  it('puts success first, then the form’s problem, then a request to fix the marked fields', () => {
    const t = useAccountsTranslations('en');
    expect(formAlert({ fields: {}, form: null }, t)).toBeNull();
    expect(formAlert({ fields: {}, form: null }, t, 'Role saved.')).toEqual({
      kind: 'success',
      text: 'Role saved.',
    });
    expect(formAlert({ fields: { email: 'x' }, form: 'Wrong' }, t)).toEqual({ kind: 'error', text: 'Wrong' });
    expect(formAlert({ fields: { email: 'x' }, form: null }, t)).toEqual({
      kind: 'error',
      text: 'Please correct the marked fields.',
    });
  });
});

describe('form state', () => {
  const posted = () =>
    new Request('http://localhost/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'lan@example.com', password: 'secret' }),
    });

  it('keeps what was typed when the form comes back with an error', async () => {
    const state = await formState(posted(), inputError({ password: ['passwordRequired'] }), 'vi');
    expect(state.typed('email')).toBe('lan@example.com');
    expect(state.succeeded).toBe(false);
    expect(state.alert).toEqual({ kind: 'error', text: 'Vui lòng sửa các mục được đánh dấu.' });
  });

  it('keeps nothing after success and shows the success text', async () => {
    const state = await formState(posted(), {}, 'en', { successKey: 'saved' });
    expect(state.typed('email')).toBeUndefined();
    expect(state.succeeded).toBe(true);
    expect(state.alert).toEqual({ kind: 'success', text: 'Role saved.' });
  });
});

describe('throttled forms', () => {
  it('say when to try again, in the visitor’s language', () => {
    expect(formFeedback({ error: { message: 'throttled' } }, 'en', [], 42).form).toBe(
      'Too many failed sign-ins. Try again in 42 seconds.',
    );
    expect(formFeedback({ error: { message: 'resetThrottled' } }, 'vi', [], 1800).form).toBe(
      'Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần. Hãy thử lại sau 30 phút.',
    );
  });

  it('name one second or minute in the singular, and a vague wait when none is known', () => {
    const en = useAccountsTranslations('en');
    expect(waitText(en, 1)).toBe('1 second');
    expect(waitText(en, 121)).toBe('3 minutes');
    expect(waitText(useAccountsTranslations('vi'), null)).toBe('ít phút');
  });
});
