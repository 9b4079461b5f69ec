/** The checkout form's payment choice: cash on delivery, or card through Stripe when it is configured. */
import type { Locale } from '~/lib/i18n/locales';
import type { PaymentMethod } from './checkout';
import { useCheckoutTranslations } from './messages';

interface Props {
  locale: Locale;
  payment: PaymentMethod;
  onChange: (payment: PaymentMethod) => void;
  cardAvailable: boolean;
  error: string | undefined;
}

export default function PaymentChoice({ locale, payment, onChange, cardAvailable, error }: Props) {
  const t = useCheckoutTranslations(locale);
  return (
    <fieldset aria-describedby={error ? 'payment-error' : undefined}>
      <legend>{t('payment')}</legend>
      <label className="pay-option">
        <input
          type="radio"
          name="payment"
          value="cod"
          checked={payment === 'cod'}
          onChange={() => onChange('cod')}
        />
        <span>{t('cod')}</span>
        <span className="hint">{t('codHint')}</span>
      </label>
      <label className={`pay-option${cardAvailable ? '' : ' disabled'}`}>
        <input
          type="radio"
          name="payment"
          value="card"
          checked={payment === 'card'}
          disabled={!cardAvailable}
          onChange={() => onChange('card')}
        />
        <span>{t('card')}</span>
        <span className="hint">{cardAvailable ? t('cardHint') : t('cardUnavailable')}</span>
      </label>
      {error && (
        <p className="field error" id="payment-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
