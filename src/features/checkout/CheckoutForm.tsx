/**
 * The checkout form: recipient, Vietnamese address, payment choice and the server-priced summary of the cart.
 * Submits to the checkout.placeOrder action; field errors come back from the server's schema (400) and are shown
 * next to their fields. Card orders continue to Stripe's page; cash-on-delivery orders to their confirmation.
 */
import { useId, useState, type SubmitEvent, type ReactNode } from 'react';
import { actions, isInputError } from 'astro:actions';
import { formatVnd } from '~/lib/money';
import { localizedPath, type Locale } from '~/lib/i18n';
import { clearCart } from '~/features/cart/cart-store';
import { useCart } from '~/features/cart/use-cart';
import { m as cartText } from '~/features/cart/messages';
import { useQuote } from '~/features/cart/use-quote';
import { STRIPE_VND_LIMITS, VN_PROVINCES, type PaymentMethod } from './checkout';
import { m } from './messages';
import '~/features/cart/cart.css';

interface Props {
  locale: Locale;
  cardAvailable: boolean;
  defaults: { name: string; email: string };
}

type Errors = Record<string, string>;

export default function CheckoutForm({ locale, cardAvailable, defaults }: Props) {
  const { cart, ready: loaded } = useCart();
  const { quote, adjustments } = useQuote(cart, loaded);
  const [payment, setPayment] = useState<PaymentMethod>('cod');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per checkout attempt: a double submit finds the same order instead of placing two.
  // A new one after each refusal, since a refused attempt placed nothing (or only a failed card order) to return to.
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());
  const limits = {
    min: formatVnd(STRIPE_VND_LIMITS.min, locale),
    max: formatVnd(STRIPE_VND_LIMITS.max, locale),
  };
  const text = (key: string) => m(locale, key, limits);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setFormError(null);
    const { data, error } = await actions.checkout.placeOrder({
      attemptId,
      locale,
      lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      contact: { name: value('name'), email: value('email'), phone: value('phone') },
      address: {
        province: value('province') as (typeof VN_PROVINCES)[number],
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
      const next: Errors = {};
      for (const issue of error.issues) {
        const path = issue.path.join('.');
        next[path.startsWith('lines') ? 'lines' : path] ??= text(issue.message);
      }
      setErrors(next);
      setFormError(text('fixErrors'));
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    setErrors({});
    setFormError(text(error?.message ?? 'serviceUnavailable'));
  }

  if (!loaded) return <p aria-busy="true">{cartText(locale, 'loading')}</p>;
  if (cart.lines.length === 0) {
    return (
      <div className="card cart-part">
        <p>{text('emptyCart')}</p>
        <a className="button" href={localizedPath('/products', locale)}>
          {cartText(locale, 'browseProducts')}
        </a>
      </div>
    );
  }

  return (
    <form className="checkout-form cart-layout" onSubmit={submit} noValidate>
      <div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {adjustments.length > 0 && (
          <p className="cart-notice" role="status">
            {text('stockChanged')}
          </p>
        )}
        <fieldset>
          <legend>{text('contact')}</legend>
          <Field name="name" label={text('name')} error={errors['contact.name']}>
            {(p) => (
              <input {...p} autoComplete="name" defaultValue={defaults.name} maxLength={100} required />
            )}
          </Field>
          <div className="field-row">
            <Field name="email" label={text('email')} error={errors['contact.email']}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  autoComplete="email"
                  defaultValue={defaults.email}
                  maxLength={254}
                  required
                />
              )}
            </Field>
            <Field
              name="phone"
              label={text('phone')}
              hint={text('phoneHint')}
              error={errors['contact.phone']}
            >
              {(p) => <input {...p} type="tel" autoComplete="tel" inputMode="tel" maxLength={24} required />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{text('address')}</legend>
          <div className="field-row">
            <Field name="province" label={text('province')} error={errors['address.province']}>
              {(p) => (
                <select {...p} defaultValue="" autoComplete="address-level1" required>
                  <option value="" disabled>
                    {text('chooseProvince')}
                  </option>
                  {VN_PROVINCES.map((province) => (
                    <option key={province}>{province}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="commune" label={text('commune')} error={errors['address.commune']}>
              {(p) => <input {...p} autoComplete="address-level2" maxLength={100} required />}
            </Field>
          </div>
          <Field name="street" label={text('street')} error={errors['address.street']}>
            {(p) => <input {...p} autoComplete="street-address" maxLength={200} required />}
          </Field>
          <Field name="note" label={text('note')} error={errors['note']}>
            {(p) => <textarea {...p} rows={2} maxLength={500} />}
          </Field>
        </fieldset>
        <fieldset aria-describedby={errors['payment'] ? 'payment-error' : undefined}>
          <legend>{text('payment')}</legend>
          <label className="pay-option">
            <input
              type="radio"
              name="payment"
              value="cod"
              checked={payment === 'cod'}
              onChange={() => setPayment('cod')}
            />
            <span>{text('cod')}</span>
            <span className="hint">{text('codHint')}</span>
          </label>
          <label className={`pay-option${cardAvailable ? '' : ' disabled'}`}>
            <input
              type="radio"
              name="payment"
              value="card"
              checked={payment === 'card'}
              disabled={!cardAvailable}
              onChange={() => setPayment('card')}
            />
            <span>{text('card')}</span>
            <span className="hint">{cardAvailable ? text('cardHint') : text('cardUnavailable')}</span>
          </label>
          {errors['payment'] && (
            <p className="field error" id="payment-error">
              {errors['payment']}
            </p>
          )}
        </fieldset>
      </div>
      <aside className="card order-summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{text('summary')}</h2>
        {errors['lines'] && (
          <p className="form-error" role="alert">
            {errors['lines']} <a href={localizedPath('/cart', locale)}>{text('backToCart')}</a>
          </p>
        )}
        {quote.state === 'priced' ? (
          <>
            {quote.order.parts.map((part) => (
              <div key={part.producerId}>
                <h3 className="muted">{cartText(locale, 'from', { producer: part.producerName })}</h3>
                <ul className="summary-lines">
                  {part.lines.map((line) => (
                    <li key={line.productId}>
                      <span>
                        {line.quantity} × {line.name[locale]}
                      </span>
                      <span>{formatVnd(line.lineTotal, locale)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <dl className="summary-totals">
              <dt>{cartText(locale, 'subtotal')}</dt>
              <dd>{formatVnd(quote.order.subtotal, locale)}</dd>
              <dt>{cartText(locale, 'shipping')}</dt>
              <dd>
                {quote.order.shipping === 0
                  ? cartText(locale, 'free')
                  : formatVnd(quote.order.shipping, locale)}
              </dd>
              <dt className="grand">{cartText(locale, 'total')}</dt>
              <dd className="grand" data-testid="checkout-total">
                {formatVnd(quote.order.total, locale)}
              </dd>
            </dl>
          </>
        ) : quote.state === 'error' ? (
          <p className="form-error">{cartText(locale, 'quoteFailed')}</p>
        ) : (
          <p aria-busy="true">{cartText(locale, 'loading')}</p>
        )}
        <div className="cart-actions">
          <button type="submit" className="button place-order" disabled={busy || quote.state !== 'priced'}>
            {busy ? text('placing') : payment === 'card' ? text('placeOrderCard') : text('placeOrderCod')}
          </button>
          <a href={localizedPath('/cart', locale)}>{text('backToCart')}</a>
        </div>
      </aside>
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

function Field({ name, label, hint, error, children }: FieldProps) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': !!error, 'aria-describedby': described })}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
