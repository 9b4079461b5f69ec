/**
 * Submitting the checkout form to the checkout.placeOrder action: field errors from the server's schema (400) by
 * path, a form-level message otherwise, and where to go when the order is placed (Stripe's page for a card order,
 * the confirmation for cash on delivery, whose cart is emptied at once).
 */
import { useState } from 'react';
import { actions, isInputError } from 'astro:actions';
import type { Cart } from '~/features/cart/cart';
import { clearCart } from '~/features/cart/cart-store';
import type { Locale } from '~/lib/i18n/locales';
import type { PaymentMethod, VnProvince } from './checkout';
import type { FieldErrors } from './DeliveryFields';
import { checkoutErrorText } from './error-text';

export interface PlaceOrderState {
  errors: FieldErrors;
  formError: string | null;
  busy: boolean;
  submit: (form: FormData, payment: PaymentMethod) => Promise<void>;
}

/** Field errors by path; every error of the cart's lines is one `lines` error. */
function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string; params?: unknown }[],
  text: (code: string, params?: unknown) => string,
): FieldErrors {
  const next: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    next[path.startsWith('lines') ? 'lines' : path] ??= text(issue.message, issue.params);
  }
  return next;
}

export function usePlaceOrder(locale: Locale, cart: Cart): PlaceOrderState {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per checkout attempt: a double submit finds the same order instead of placing two.
  // A new one after each refusal, since a refused attempt placed nothing (or only a failed card order) to return to.
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());
  const text = checkoutErrorText(locale);

  async function submit(form: FormData, payment: PaymentMethod) {
    if (busy) return;
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setFormError(null);
    const { data, error } = await actions.checkout.placeOrder({
      attemptId,
      locale,
      lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      contact: { name: value('name'), email: value('email'), phone: value('phone') },
      address: {
        province: value('province') as VnProvince,
        commune: value('commune'),
        street: value('street'),
      },
      payment,
      note: value('note'),
    });
    if (data) {
      if (data.payment === 'cod') clearCart();
      window.location.assign(data.redirectUrl);
      return;
    }
    setBusy(false);
    setAttemptId(crypto.randomUUID());
    if (error && isInputError(error)) {
      setErrors(fieldErrors(error.issues, text));
      setFormError(text('fixErrors'));
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setFormError(text(error?.message ?? 'serviceUnavailable'));
  }

  return { errors, formError, busy, submit };
}
