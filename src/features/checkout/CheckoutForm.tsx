/**
 * The checkout form: recipient, Vietnamese address, payment choice and the server-priced summary of the cart.
 * Submits to the checkout.placeOrder action; field errors come back from the server's schema (400) and are shown
 * next to their fields. Card orders continue to Stripe's page; cash-on-delivery orders to their confirmation.
 */
import { useState, type SubmitEvent } from 'react';
import { useCartTranslations } from '~/features/cart/messages';
import { useCart } from '~/features/cart/use-cart';
import { useQuote } from '~/features/cart/use-quote';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import type { PaymentMethod } from './checkout';
import { AddressFields, ContactFields } from './DeliveryFields';
import { useCheckoutTranslations } from './messages';
import OrderSummary from './OrderSummary';
import PaymentChoice from './PaymentChoice';
import { usePlaceOrder } from './use-place-order';
import '~/features/cart/cart.css';

interface Props {
  locale: Locale;
  cardAvailable: boolean;
  defaults: { name: string; email: string };
}

export default function CheckoutForm({ locale, cardAvailable, defaults }: Props) {
  const t = useCheckoutTranslations(locale);
  const cartText = useCartTranslations(locale);
  const { cart, ready: loaded } = useCart();
  const { quote, adjustments } = useQuote(cart, loaded);
  const [payment, setPayment] = useState<PaymentMethod>('cod');
  const { errors, formError, busy, submit } = usePlaceOrder(locale, cart);

  if (!loaded) return <p aria-busy="true">{cartText('loading')}</p>;
  if (cart.lines.length === 0) {
    return (
      <div className="card cart-part">
        <p>{t('emptyCart')}</p>
        <a className="button" href={localizedPath('/products', locale)}>
          {cartText('browseProducts')}
        </a>
      </div>
    );
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(new FormData(event.currentTarget), payment);
  }

  return (
    <form className="checkout-form cart-layout" onSubmit={onSubmit} noValidate>
      <div>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {adjustments.length > 0 && (
          <p className="cart-notice" role="status">
            {t('stockChanged')}
          </p>
        )}
        <ContactFields locale={locale} errors={errors} defaults={defaults} />
        <AddressFields locale={locale} errors={errors} />
        <PaymentChoice
          locale={locale}
          payment={payment}
          onChange={setPayment}
          cardAvailable={cardAvailable}
          error={errors['payment']}
        />
      </div>
      <OrderSummary
        locale={locale}
        quote={quote}
        payment={payment}
        busy={busy}
        linesError={errors['lines']}
      />
    </form>
  );
}
