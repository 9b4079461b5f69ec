/** Strings of the error boundary: the plain page a visitor sees when something failed on our side. */
import { defineMessages, translator } from '~/lib/i18n/translate';

/** The error boundary's dictionary. */
export const boundaryMessages = defineMessages({
  failedTitle: { vi: 'Đã có lỗi từ phía chúng tôi', en: 'Something went wrong on our side' },
  failedText: {
    vi: 'Yêu cầu của bạn chưa được xử lý. Vui lòng thử lại sau ít phút.',
    en: 'Your request was not completed. Please try again in a few minutes.',
  },
  unavailableTitle: { vi: 'Dịch vụ tạm thời gián đoạn', en: 'Service temporarily unavailable' },
  unavailableText: {
    vi: 'Chúng tôi đang khắc phục. Vui lòng thử lại sau ít phút.',
    en: 'We are working on it. Please try again in a few minutes.',
  },
  reference: {
    vi: 'Nếu cần liên hệ hỗ trợ, hãy đọc mã yêu cầu: {id}',
    en: 'If you contact support, quote this request reference: {id}',
  },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
});

/** The error boundary's translator. */
export const useBoundaryTranslations = translator(boundaryMessages);
