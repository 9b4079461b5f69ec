/**
 * Strings of the producer portal in Vietnamese and English: the listing's field labels, the problems a producer sees
 * on a field (./listing.ts), moderation states and refusals (./moderation.ts), and photo refusals (./photos.ts).
 */
import { defineMessages, translator } from '~/lib/i18n';

export const portalMessages = defineMessages({
  // Field labels, keyed by the field's path in a listing (array positions left out).
  'field.listing': { vi: 'Sản phẩm', en: 'Listing' },
  'field.name': { vi: 'Tên sản phẩm', en: 'Product name' },
  'field.summary': { vi: 'Mô tả ngắn', en: 'Short description' },
  'field.story': { vi: 'Câu chuyện sản phẩm', en: 'Origin story' },
  'field.unit': { vi: 'Đơn vị bán', en: 'Sales unit' },
  'field.storage': { vi: 'Hướng dẫn bảo quản', en: 'Storage instructions' },
  'field.name.vi': { vi: 'Tên sản phẩm (tiếng Việt)', en: 'Product name (Vietnamese)' },
  'field.name.en': { vi: 'Tên sản phẩm (tiếng Anh)', en: 'Product name (English)' },
  'field.summary.vi': { vi: 'Mô tả ngắn (tiếng Việt)', en: 'Short description (Vietnamese)' },
  'field.summary.en': { vi: 'Mô tả ngắn (tiếng Anh)', en: 'Short description (English)' },
  'field.story.vi': { vi: 'Câu chuyện sản phẩm (tiếng Việt)', en: 'Origin story (Vietnamese)' },
  'field.story.en': { vi: 'Câu chuyện sản phẩm (tiếng Anh)', en: 'Origin story (English)' },
  'field.group': { vi: 'Nhóm sản phẩm', en: 'Product group' },
  'field.certification': { vi: 'Chứng nhận OCOP', en: 'OCOP certification' },
  'field.certification.stars': { vi: 'Số sao OCOP', en: 'OCOP stars' },
  'field.certification.score': { vi: 'Điểm đánh giá', en: 'Evaluation score' },
  'field.certification.recognisedOn': { vi: 'Ngày công nhận', en: 'Date of recognition' },
  'field.certification.level': { vi: 'Cấp công nhận', en: 'Recognition level' },
  'field.certification.decisionNumber': {
    vi: 'Số quyết định công nhận',
    en: 'Number of the recognition decision',
  },
  'field.certification.validUntil': {
    vi: 'Ngày hết hạn ghi trên giấy chứng nhận',
    en: 'Expiry date printed on the certificate',
  },
  'field.certification.candidacy': {
    vi: 'Hồ sơ đề nghị công nhận 5 sao',
    en: 'Dossier for 5-star evaluation',
  },
  'field.certification.candidacy.submittedOn': {
    vi: 'Ngày gửi hồ sơ đề nghị công nhận 5 sao',
    en: 'Date the 5-star dossier was sent',
  },
  'field.certification.candidacy.dossierNumber': { vi: 'Số tờ trình', en: 'Submission number' },
  'field.price': { vi: 'Giá bán (đồng)', en: 'Price (VND)' },
  'field.stock': { vi: 'Số lượng còn hàng', en: 'Stock' },
  'field.unit.vi': { vi: 'Đơn vị bán (tiếng Việt)', en: 'Sales unit (Vietnamese)' },
  'field.unit.en': { vi: 'Đơn vị bán (tiếng Anh)', en: 'Sales unit (English)' },
  'field.netWeight': { vi: 'Định lượng tịnh', en: 'Net quantity' },
  'field.netWeight.value': { vi: 'Khối lượng hoặc thể tích tịnh', en: 'Net weight or volume' },
  'field.netWeight.unit': { vi: 'Đơn vị đo', en: 'Unit of measure' },
  'field.shelfLifeDays': { vi: 'Hạn sử dụng (số ngày)', en: 'Shelf life (days)' },
  'field.storage.vi': { vi: 'Hướng dẫn bảo quản (tiếng Việt)', en: 'Storage instructions (Vietnamese)' },
  'field.storage.en': { vi: 'Hướng dẫn bảo quản (tiếng Anh)', en: 'Storage instructions (English)' },
  'field.ingredients': { vi: 'Thành phần', en: 'Ingredients' },
  'field.ingredients.vi': { vi: 'Thành phần (tiếng Việt)', en: 'Ingredients (Vietnamese)' },
  'field.ingredients.en': { vi: 'Thành phần (tiếng Anh)', en: 'Ingredients (English)' },
  'field.allergens': { vi: 'Chất gây dị ứng', en: 'Allergens' },
  'field.photos': { vi: 'Ảnh sản phẩm', en: 'Product photos' },

  // A field's problem, shown beside it as "{field}: {problem}".
  problemLine: { vi: '{field}: {problem}', en: '{field}: {problem}' },
  'problem.required': { vi: 'chưa nhập, hãy điền thông tin này.', en: 'missing, please fill this in.' },
  'problem.number': { vi: 'hãy nhập một số.', en: 'enter a number.' },
  'problem.wholeNumber': {
    vi: 'hãy nhập số nguyên, không có phần thập phân.',
    en: 'enter a whole number, without decimals.',
  },
  'problem.date': {
    vi: 'hãy nhập ngày theo dạng năm-tháng-ngày, ví dụ 2025-03-10.',
    en: 'enter a date as year-month-day, e.g. 2025-03-10.',
  },
  'problem.positive': { vi: 'phải lớn hơn 0.', en: 'must be more than 0.' },
  'problem.atLeast': { vi: 'phải từ {minimum} trở lên.', en: 'must be at least {minimum}.' },
  'problem.atMost': { vi: 'tối đa là {maximum}.', en: 'must be at most {maximum}.' },
  'problem.tooLong': {
    vi: 'dài quá, tối đa {maximum} ký tự.',
    en: 'too long, at most {maximum} characters.',
  },
  'problem.atLeastOne': { vi: 'cần ít nhất một mục.', en: 'add at least one.' },
  'problem.tooMany': { vi: 'nhiều quá, tối đa {maximum} mục.', en: 'too many, at most {maximum}.' },
  'problem.chooseOption': {
    vi: 'hãy chọn một trong các lựa chọn có sẵn.',
    en: 'choose one of the options offered.',
  },
  'problem.format': { vi: 'không đúng định dạng.', en: 'not in the expected format.' },
  'problem.unknownField': { vi: 'có trường không hợp lệ ({keys}).', en: 'unknown field ({keys}).' },
  'problem.invalid': { vi: 'giá trị không hợp lệ.', en: 'this value is not valid.' },
  'problem.stockChanged': {
    vi: 'đã thay đổi thành {now} trong lúc bạn sửa (có đơn hàng mới): hãy kiểm tra lại số lượng rồi lưu.',
    en: 'changed to {now} while you were editing (new orders): check the count and save again.',
  },
  'problem.ingredientsRequired': {
    vi: 'sản phẩm thực phẩm, đồ uống và thảo dược phải ghi thành phần bằng cả tiếng Việt và tiếng Anh.',
    en: 'food, beverages and herbal products must list their ingredients in Vietnamese and English.',
  },
  'problem.cert.scoreNoStars': {
    vi: 'điểm {score} không đạt sao OCOP nào; sản phẩm được công nhận có điểm từ 50 đến 100.',
    en: 'a score of {score} earns no OCOP stars; certified products score from 50 to 100.',
  },
  'problem.cert.starsScoreMismatch': {
    vi: 'sản phẩm {stars} sao cần điểm từ {min} đến dưới {max}, nhưng điểm là {score} (ứng với {earned} sao). Hãy sửa số sao hoặc điểm cho đúng quyết định công nhận.',
    en: '{stars} stars need a score from {min} to under {max}, but the score is {score} (which earns {earned} stars). Correct the stars or the score to match the recognition decision.',
  },
  'problem.cert.starsScoreMismatchFive': {
    vi: 'sản phẩm 5 sao cần điểm từ 90 đến 100, nhưng điểm là {score} (ứng với {earned} sao). Hãy sửa số sao hoặc điểm cho đúng quyết định công nhận.',
    en: '5 stars need a score from 90 to 100, but the score is {score} (which earns {earned} stars). Correct the stars or the score to match the recognition decision.',
  },
  'problem.cert.candidacyMissing': {
    vi: 'sản phẩm 4 sao đạt {score} điểm (từ 90 trở lên) là sản phẩm được tỉnh đề nghị công nhận 5 sao: hãy nhập ngày gửi hồ sơ đề nghị, hoặc sửa lại điểm nếu dưới 90.',
    en: 'a 4-star product scoring {score} (90 or more) is a candidate for 5 stars: enter the date its dossier was sent for national evaluation, or correct the score if it is below 90.',
  },
  'problem.cert.candidacyOnlyFourStars': {
    vi: 'chỉ sản phẩm 4 sao mới được đề nghị công nhận 5 sao: hãy bỏ phần hồ sơ đề nghị.',
    en: 'only a 4-star product can be a candidate for 5 stars: remove the dossier.',
  },
  'problem.cert.candidacyScoreLow': {
    vi: 'sản phẩm được đề nghị công nhận 5 sao phải đạt từ 90 điểm ở cấp tỉnh, nhưng điểm là {score}.',
    en: 'a candidate for 5 stars needs a provincial score of 90 or more, but the score is {score}.',
  },
  'problem.cert.candidacyBeforeRecognition': {
    vi: 'ngày gửi hồ sơ ({submittedOn}) sớm hơn ngày công nhận 4 sao ({recognisedOn}); hồ sơ chỉ được gửi sau quyết định của tỉnh.',
    en: 'the dossier date ({submittedOn}) is before the 4-star recognition ({recognisedOn}); the dossier is sent after the province’s decision.',
  },
  'problem.cert.levelFiveStarsNational': {
    vi: 'sản phẩm 5 sao chỉ được công nhận ở cấp quốc gia: hãy chọn cấp quốc gia, hoặc sửa số sao và điểm.',
    en: '5-star products are recognised at national level only: choose national, or correct the stars and score.',
  },
  'problem.cert.levelNationalIsFiveStars': {
    vi: 'sản phẩm {stars} sao do tỉnh công nhận, không phải cấp quốc gia: hãy chọn cấp tỉnh.',
    en: '{stars}-star products are recognised by the province, not at national level: choose provincial.',
  },
  'problem.cert.levelFourStarsProvincial': {
    vi: 'cấp huyện chỉ công nhận sản phẩm 3 sao; sản phẩm 4 sao do cấp tỉnh công nhận: hãy chọn cấp tỉnh.',
    en: 'district committees recognised 3-star products only; 4-star products are recognised by the province: choose provincial.',
  },
  'problem.cert.levelNoDistricts': {
    vi: 'từ ngày {date} không còn cấp huyện, nên quyết định công nhận từ ngày đó không thể là cấp huyện: hãy chọn cấp tỉnh, hoặc sửa ngày công nhận.',
    en: 'there have been no districts since {date}, so a recognition from that day cannot be a district one: choose provincial, or correct the date of recognition.',
  },
  'problem.cert.validUntilNotAfter': {
    vi: 'ngày hết hạn phải sau ngày công nhận: hãy chép đúng ngày ghi trên giấy chứng nhận, hoặc để trống để tính 36 tháng.',
    en: 'the expiry date must be after the date of recognition: copy the date printed on the certificate, or leave it empty to count 36 months.',
  },

  // Moderation.
  'state.draft': { vi: 'Bản nháp', en: 'Draft' },
  'state.pending': { vi: 'Chờ duyệt', en: 'Awaiting review' },
  'state.published': { vi: 'Đã duyệt, đang bán', en: 'Approved, on sale' },
  'state.rejected': { vi: 'Bị từ chối', en: 'Rejected' },
  'state.withdrawn': { vi: 'Đã rút lại', en: 'Withdrawn' },
  'state.awaiting-producer': {
    vi: 'Chờ chủ thể chấp nhận',
    en: 'Awaiting the producer’s acceptance',
  },
  'refusal.signed-out': { vi: 'Hãy đăng nhập để tiếp tục.', en: 'Please sign in to continue.' },
  'refusal.forbidden': {
    vi: 'Bạn không có quyền làm việc này với sản phẩm này.',
    en: 'You may not do this with this listing.',
  },
  'refusal.wrong-state': {
    vi: 'Trạng thái hiện tại của sản phẩm không cho phép thao tác này.',
    en: 'The listing’s current state does not allow this.',
  },
  'refusal.not-live': {
    vi: 'Sản phẩm chưa được bán nên không thể ngừng bán.',
    en: 'This listing is not on sale, so it cannot be taken off sale.',
  },
  'refusal.reason-required': {
    vi: 'Hãy ghi lý do để chủ thể biết cần sửa gì.',
    en: 'Write a reason so the producer knows what to fix.',
  },
  'refusal.reason-too-long': {
    vi: 'Lý do dài quá, tối đa {maximum} ký tự.',
    en: 'The reason is too long, at most {maximum} characters.',
  },
  'refusal.pending-locked': {
    vi: 'Sản phẩm đang chờ duyệt: hãy chờ kết quả hoặc rút lại trước khi sửa (giá và số lượng vẫn sửa được).',
    en: 'This listing is awaiting review: wait for the decision or withdraw it before changing it (price and stock can still be changed).',
  },
  'refusal.promoter-own-drafts': {
    vi: 'Cán bộ xúc tiến thương mại chỉ sửa được bản nháp do mình soạn, trước khi chủ thể chấp nhận.',
    en: 'Promoters can edit only the drafts they wrote, before the producer accepts them.',
  },

  'refusal.not-found': {
    vi: 'Không tìm thấy sản phẩm này.',
    en: 'This listing was not found.',
  },
  'refusal.stale-version': {
    vi: 'Sản phẩm vừa được thay đổi sau khi bạn mở: hãy tải lại trang và xem lại bản mới nhất.',
    en: 'The listing changed after you opened it: reload the page and review the latest version.',
  },
  'refusal.stock-short': {
    vi: 'Số lượng trong kho không đủ để trừ.',
    en: 'There is not enough stock to take that many off.',
  },
  'field.producer': { vi: 'Chủ thể OCOP', en: 'Producer' },
  'field.slug': { vi: 'Đường dẫn sản phẩm', en: 'Product address' },
  'problem.slugTaken': {
    vi: 'đã có sản phẩm khác dùng đường dẫn này, hãy chọn đường dẫn khác.',
    en: 'another listing already uses this address; choose another.',
  },
  'problem.slugFormat': {
    vi: 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ keo-dua-sap.',
    en: 'use only lower-case letters without accents, digits and hyphens, e.g. keo-dua-sap.',
  },
  'problem.producerUnknown': {
    vi: 'không có chủ thể này trong danh mục.',
    en: 'this producer is not in the catalogue.',
  },
  'problem.photoNotYours': {
    vi: 'có ảnh không thuộc sản phẩm này hoặc chưa được tải lên: hãy tải ảnh lên lại.',
    en: 'a photo does not belong to this listing or was never uploaded; upload it again.',
  },

  // Photos.
  'photo.empty': { vi: 'Tệp trống: hãy chọn lại ảnh.', en: 'The file is empty: choose the photo again.' },
  'photo.too-large': {
    vi: 'Ảnh nặng quá, tối đa {maxMb} MB: hãy chụp ở chế độ thường hoặc gửi ảnh nhỏ hơn.',
    en: 'The photo is too large, at most {maxMb} MB: take it in the camera’s normal mode or send a smaller one.',
  },
  'photo.not-image': {
    vi: 'Tệp này không phải là ảnh: hãy gửi ảnh JPEG, PNG, WebP hoặc AVIF.',
    en: 'This file is not a photo: send a JPEG, PNG, WebP or AVIF image.',
  },
  'photo.unsupported': {
    vi: 'Định dạng ảnh này (ví dụ HEIC) chưa được hỗ trợ: hãy gửi ảnh JPEG, PNG, WebP hoặc AVIF; trên iPhone, vào Cài đặt > Camera > Định dạng và chọn “Tương thích nhất”.',
    en: 'This image format (HEIC, for example) is not supported: send a JPEG, PNG, WebP or AVIF image; on an iPhone, go to Settings > Camera > Formats and choose “Most Compatible”.',
  },
  'photo.too-many-pixels': {
    vi: 'Ảnh có độ phân giải quá lớn ({megapixels} megapixel), tối đa {maxMegapixels} megapixel: hãy chụp ở chế độ thường.',
    en: 'The photo has too many pixels ({megapixels} megapixels), at most {maxMegapixels}: take it in the camera’s normal mode.',
  },
  'photo.too-small': {
    vi: 'Ảnh nhỏ quá ({width} × {height} điểm ảnh): mỗi cạnh cần ít nhất {min} điểm ảnh.',
    en: 'The photo is too small ({width} × {height} pixels): each side needs at least {min} pixels.',
  },
  'photo.odd-shape': {
    vi: 'Ảnh quá dài hoặc quá hẹp ({width} × {height} điểm ảnh): cạnh dài tối đa gấp {maxAspect} lần cạnh ngắn, hãy cắt ảnh lại.',
    en: 'The photo is too long or too narrow ({width} × {height} pixels): the long side may be at most {maxAspect} times the short side; crop it.',
  },
  'photo.damaged': {
    vi: 'Ảnh bị hỏng hoặc chưa tải lên hết: hãy gửi lại.',
    en: 'The photo is damaged or did not finish uploading: send it again.',
  },
  'photo.unavailable': {
    vi: 'Hiện chưa tải ảnh lên được, hãy thử lại sau.',
    en: 'Photos cannot be uploaded right now; try again later.',
  },
  'photo.too-many-photos': {
    vi: 'Mỗi sản phẩm có tối đa {max} ảnh: hãy xoá bớt một ảnh trước khi thêm.',
    en: 'A product has at most {max} photos: remove one before adding another.',
  },
  // Pages: the producer's listings and editor, the promoter's queue.
  'page.listings': { vi: 'Sản phẩm đăng bán của tôi', en: 'My listings' },
  'page.listingsIntro': {
    vi: 'Giá và số lượng sửa ngay tại đây, có hiệu lực ngay. Các thông tin khác cần cán bộ xúc tiến thương mại của tỉnh duyệt.',
    en: 'Price and stock change here and apply at once. Other details are reviewed by your province’s trade promoters.',
  },
  'page.newListing': { vi: 'Đăng sản phẩm mới', en: 'New listing' },
  'page.editListing': { vi: 'Sửa sản phẩm', en: 'Edit listing' },
  'page.queue': { vi: 'Duyệt sản phẩm của tỉnh', en: 'Listings to review' },
  'page.queueIntro': {
    vi: 'Sản phẩm chủ thể trong tỉnh gửi lên, cũ nhất ở trên. Hãy đối chiếu chứng nhận với số quyết định trước khi duyệt.',
    en: 'Listings sent by producers of your province, oldest first. Check the certification against the decision number before approving.',
  },
  'page.noListings': { vi: 'Bạn chưa đăng sản phẩm nào.', en: 'You have no listings yet.' },
  'page.queueEmpty': { vi: 'Không có sản phẩm nào chờ duyệt.', en: 'No listings are waiting for review.' },
  'page.awaitingProducer': {
    vi: 'Bản nháp cán bộ soạn, chờ chủ thể chấp nhận',
    en: 'Drafts written by promoters, awaiting their producer',
  },
  'link.listings': { vi: 'Sản phẩm đăng bán', en: 'Listings' },
  'link.newListing': { vi: 'Đăng sản phẩm mới', en: 'New listing' },
  'link.edit': { vi: 'Mở và sửa', en: 'Open and edit' },
  'link.back': { vi: 'Về danh sách sản phẩm', en: 'Back to the listings' },
  'link.queue': { vi: 'Duyệt sản phẩm', en: 'Review listings' },
  onSale: { vi: 'Đang bán', en: 'On sale' },
  notOnSale: { vi: 'Chưa bán', en: 'Not on sale' },
  'label.address': { vi: 'Đường dẫn', en: 'Address' },
  'label.updated': { vi: 'Cập nhật', en: 'Updated' },
  'label.reason': { vi: 'Lý do', en: 'Reason' },
  'label.rejectReason': {
    vi: 'Lý do từ chối (chủ thể sẽ đọc)',
    en: 'Reason for rejecting (the producer reads it)',
  },
  'label.declineReason': {
    vi: 'Lý do từ chối bản nháp (không bắt buộc)',
    en: 'Reason for declining (optional)',
  },
  'label.lastRejection': { vi: 'Lý do bị từ chối', en: 'Why it was rejected' },
  'label.photoFile': { vi: 'Chọn ảnh', en: 'Choose a photo' },
  'label.photoNumber': { vi: 'Ảnh {n}', en: 'Photo {n}' },
  'label.cover': { vi: 'ảnh bìa', en: 'cover' },
  'label.noPhotos': {
    vi: 'Chưa có ảnh: hãy tải lên ít nhất một ảnh trước khi lưu.',
    en: 'No photos yet: upload at least one before saving.',
  },
  'label.photoAdded': { vi: 'Đã tải ảnh lên.', en: 'The photo was uploaded.' },
  'label.preview': { vi: 'Xem trước câu chuyện', en: 'Story preview' },
  'label.previewEmpty': { vi: 'Chưa có nội dung.', en: 'Nothing written yet.' },
  'label.stockHint': { vi: 'Số đơn vị bán còn trong kho.', en: 'Units you have ready to sell.' },
  'label.priceHint': { vi: 'Số nguyên, ví dụ 150000.', en: 'A whole number, e.g. 150000.' },
  'label.slugHint': {
    vi: 'Chữ thường không dấu, chữ số, gạch ngang; không đổi được sau khi lưu.',
    en: 'Lower-case letters without accents, digits, hyphens; fixed once saved.',
  },
  'label.linesHint': { vi: 'Mỗi dòng một thành phần, nhiều nhất trước.', en: 'One per line, largest first.' },
  'label.storyHint': {
    vi: 'Viết bằng Markdown: **đậm**, *nghiêng*, danh sách, liên kết. Mã HTML sẽ bị bỏ.',
    en: 'Written in Markdown: **bold**, *italic*, lists, links. HTML is removed.',
  },
  'label.none': { vi: '(trống)', en: '(empty)' },
  'label.candidacyHint': {
    vi: 'Chỉ điền nếu sản phẩm 4 sao đạt từ 90 điểm và đã được tỉnh đề nghị công nhận 5 sao.',
    en: 'Only for a 4-star product scoring 90 or more that the province put forward for 5 stars.',
  },
  'section.photos': { vi: 'Thêm ảnh', en: 'Add a photo' },
  'section.texts': { vi: 'Tên và mô tả', en: 'Names and descriptions' },
  'section.certification': { vi: 'Chứng nhận OCOP', en: 'OCOP certification' },
  'section.sale': { vi: 'Giá, số lượng và quy cách', en: 'Price, stock and packaging' },
  'section.contents': { vi: 'Thành phần và bảo quản', en: 'Contents and storage' },
  'section.story': { vi: 'Câu chuyện sản phẩm', en: 'Origin story' },
  'section.log': { vi: 'Nhật ký duyệt', en: 'Moderation log' },
  'section.changes': { vi: 'Thay đổi so với bản đang bán', en: 'Changes from the version on sale' },
  'section.moves': { vi: 'Thao tác', en: 'Next steps' },
  'column.field': { vi: 'Thông tin', en: 'Field' },
  'column.before': { vi: 'Trước', en: 'Before' },
  'column.after': { vi: 'Sau', en: 'After' },
  'button.upload': { vi: 'Tải ảnh lên', en: 'Upload photo' },
  'button.save': { vi: 'Lưu bản nháp', en: 'Save draft' },
  'button.savePriceStock': { vi: 'Lưu giá và số lượng', en: 'Save price and stock' },
  'move.submit': { vi: 'Gửi duyệt', en: 'Send for review' },
  'move.withdraw': { vi: 'Rút lại', en: 'Withdraw' },
  'move.unpublish': { vi: 'Ngừng bán', en: 'Take off sale' },
  'move.accept': { vi: 'Chấp nhận và đăng bán', en: 'Accept and put on sale' },
  'move.decline': { vi: 'Từ chối bản nháp', en: 'Decline the draft' },
  'move.approve': { vi: 'Duyệt và đăng bán', en: 'Approve and put on sale' },
  'move.reject': { vi: 'Từ chối', en: 'Reject' },
  'log.create': { vi: 'Tạo', en: 'Created' },
  'log.edit': { vi: 'Sửa', en: 'Edited' },
  'log.submit': { vi: 'Gửi duyệt', en: 'Sent for review' },
  'log.withdraw': { vi: 'Rút lại', en: 'Withdrawn' },
  'log.unpublish': { vi: 'Ngừng bán', en: 'Taken off sale' },
  'log.approve': { vi: 'Duyệt', en: 'Approved' },
  'log.reject': { vi: 'Từ chối', en: 'Rejected' },
  'log.accept': { vi: 'Chủ thể chấp nhận', en: 'Accepted by the producer' },
  'log.decline': { vi: 'Chủ thể từ chối', en: 'Declined by the producer' },
  'role.producer': { vi: 'chủ thể', en: 'producer' },
  'role.promoter': { vi: 'cán bộ xúc tiến', en: 'promoter' },
  'role.admin': { vi: 'quản trị viên', en: 'administrator' },
  'role.shopper': { vi: 'khách hàng', en: 'shopper' },
  'log.line': { vi: '{action} bởi {role}, {at}', en: '{action} by the {role}, {at}' },
  'log.changeCount': {
    vi: '{n} thông tin thay đổi',
    en: { one: '{n} field changed', other: '{n} fields changed' },
  },
  'done.saved': {
    vi: 'Đã lưu bản nháp. Hãy gửi duyệt khi đã sẵn sàng.',
    en: 'Draft saved. Send it for review when it is ready.',
  },
  'done.moved': { vi: 'Đã cập nhật: {state}.', en: 'Updated: {state}.' },
  'done.priceStock': { vi: 'Đã lưu giá và số lượng.', en: 'Price and stock saved.' },
  'form.invalid': {
    vi: 'Có thông tin chưa đúng, hãy sửa các ô được đánh dấu.',
    en: 'Some details need correcting: see the marked fields.',
  },
  'form.unknown': { vi: 'Chưa thực hiện được, hãy thử lại.', en: 'That did not work; please try again.' },
  'label.raisesStars': {
    vi: 'Thay đổi này nâng số sao: hãy đối chiếu với số quyết định công nhận trước khi duyệt.',
    en: 'This change raises the stars: check it against the recognition decision before approving.',
  },
  'page.delegate': { vi: 'Soạn sản phẩm cho chủ thể', en: 'Draft a listing for a producer' },
  'page.delegateIntro': {
    vi: 'Bản nháp cán bộ soạn chỉ được đăng bán khi chủ thể chấp nhận trong trang quản lý của mình.',
    en: 'A draft you write goes on sale only once the producer accepts it in its dashboard.',
  },
  'label.chooseProducer': { vi: 'Chủ thể trong tỉnh', en: 'Producer of your province' },
  'button.continue': { vi: 'Tiếp tục', en: 'Continue' },
  'netUnit.piece': { vi: 'cái', en: 'piece' },
});

export type PortalMessageKey = keyof typeof portalMessages & string;
export const usePortalTranslations = translator(portalMessages);
