/** The recipient and the delivery address of the checkout form, limits taken from the checkout schema. */
import type { Locale } from '~/lib/i18n/locales';
import { CHECKOUT_FIELD_LIMITS as LIMITS, VN_PROVINCES } from './checkout';
import Field from './Field';
import { useCheckoutTranslations } from './messages';

/** Field errors by path (`contact.name`, `address.province`, `note`…). */
export type FieldErrors = Record<string, string>;

interface Props {
  locale: Locale;
  errors: FieldErrors;
  defaults: { name: string; email: string };
}

export function ContactFields({ locale, errors, defaults }: Props) {
  const t = useCheckoutTranslations(locale);
  return (
    <fieldset>
      <legend>{t('contact')}</legend>
      <Field name="name" label={t('name')} error={errors['contact.name']}>
        {(p) => (
          <input {...p} autoComplete="name" defaultValue={defaults.name} maxLength={LIMITS.name} required />
        )}
      </Field>
      <div className="field-row">
        <Field name="email" label={t('email')} error={errors['contact.email']}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              defaultValue={defaults.email}
              maxLength={LIMITS.email}
              required
            />
          )}
        </Field>
        <Field name="phone" label={t('phone')} hint={t('phoneHint')} error={errors['contact.phone']}>
          {(p) => (
            <input {...p} type="tel" autoComplete="tel" inputMode="tel" maxLength={LIMITS.phone} required />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

export function AddressFields({ locale, errors }: Omit<Props, 'defaults'>) {
  const t = useCheckoutTranslations(locale);
  return (
    <fieldset>
      <legend>{t('address')}</legend>
      <div className="field-row">
        <Field name="province" label={t('province')} error={errors['address.province']}>
          {(p) => (
            <select {...p} defaultValue="" autoComplete="address-level1" required>
              <option value="" disabled>
                {t('chooseProvince')}
              </option>
              {VN_PROVINCES.map((province) => (
                <option key={province} lang="vi">
                  {province}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="commune" label={t('commune')} error={errors['address.commune']}>
          {(p) => <input {...p} autoComplete="address-level2" maxLength={LIMITS.commune} required />}
        </Field>
      </div>
      <Field name="street" label={t('street')} error={errors['address.street']}>
        {(p) => <input {...p} autoComplete="street-address" maxLength={LIMITS.street} required />}
      </Field>
      <Field name="note" label={t('note')} error={errors['note']}>
        {(p) => <textarea {...p} rows={2} maxLength={LIMITS.note} />}
      </Field>
    </fieldset>
  );
}
