/** Sign-in, users and tokens, tenants, licences, personal data. */
import { defineMessages } from '../define-messages.js';

export const accountMessages = defineMessages({
  en: {
    // Roles inside sentences ("your role is lead"). English keeps the code: it is what people type.
    'role.admin': 'admin',
    'role.lead': 'lead',
    'role.finance': 'finance',
    'role.viewer': 'viewer',
    'role.client': 'client',
    'role.station_rep': 'station_rep',

    // Signing in
    'auth.signInFirstWithHeader': 'Sign in first: send "Authorization: Bearer <token>".',
    'auth.signInFirst': 'Sign in first.',
    'auth.apiTokenNotValid': 'This API token is not valid or has been revoked. Ask an admin for a new one.',
    'auth.notAUserYet': '{email} is not a Booking Center user yet. Ask an admin to add you.',
    'auth.unknownAuthorization': 'The Authorization header holds neither a Google sign-in nor an API token.',
    'auth.accountDeactivated': 'The account {email} is deactivated.',
    'auth.googleNotSetUp': 'Sign-in with Google is not set up on this server (GOOGLE_ID_TOKEN_AUDIENCE is empty).',
    'auth.googleNotVerified': 'Your Google sign-in could not be verified (expired or not meant for this server). Reopen the sidebar and try again.',
    'auth.googleNoEmail': 'Your Google account did not share an email address.',
    'auth.googleEmailNotVerified':
      'Google has not verified that {email} belongs to this account, so it cannot sign in. Verify the address with Google (or sign in with your work account) and try again.',
    'auth.tooManyFailedSignIns':
      'Too many failed sign-ins {subject, select, address {from your address} other {for {label}}}: {limit, number} in {windowMinutes, number} minutes. Wait {minutes, plural, one {# minute} other {# minutes}} and try again, with a fresh Google sign-in or an API token that is copied whole and not revoked.',
    'auth.apiTokenLabel': 'the API token {prefix}…',
    'auth.noActiveUser': "There is no active user ''{username}''.",

    // Users and tokens
    'users.adminOnly': 'Only an admin can manage users and API tokens; your role is {role}.',
    'users.notAUser': '{email} is not a user of this tenant.',
    'users.emailTaken':
      "This email already belongs to a Booking Center user elsewhere on this server, so it can't be added here: a person signs in to one place. Ask them for another address, or ask whoever runs the server.",
    'users.unknownBrands': 'There is no brand {brands} here. A client is given brand codes of this tenant (Brands tab).',
    'users.noBrandWithCode': 'no brand has the code "{code}"',
    'users.brandsForClientsOnly': "Brands are given to client users only (they see just those brands' campaigns); this user's role is {role}.",
    'users.brandsOnlyForClients': 'only for role client',
    'users.usernameTaken': "The username \"{username}\" is taken in this tenant; choose another (or leave it out to use the email's first part).",
    'users.usernameTakenShort': 'taken',
    'users.alreadyAUser':
      '{email} is already a user here ({role}{state, select, active {} other {, deactivated}}). {state, select, active {Change their role instead.} other {Reactivate them instead.}}',
    'users.lastAdmin':
      "{email} is the last active admin of this tenant, so they can't be {change, select, role {given another role} other {deactivated}}: someone must be able to manage users. Make another person admin first.",
    'users.seatsFull': 'All {seats, plural, one {# seat} other {# seats}} of the licence are taken by active people. Deactivate someone who no longer needs access, or ask your vendor for a licence with more seats.',
    'users.notAdded': 'The user was not added: {problems}.',
    'users.notChanged': '{email} was not changed: {problems}.',
    'users.tokenNotCreated': 'The token was not created: {problems}.',
    'users.inactiveNoToken': '{email} is deactivated: reactivate them before giving them a token.',
    'users.tokenNotFound': "No API token here has the prefix {prefix}. The token list shows each token's prefix.",
    'users.emailInvalid': 'an email address, such as lan@agency.vn',
    'users.nameRequired': 'give the person a name',
    'users.usernameInvalid': 'a username has no spaces and no "@"',
    'users.changeNeedsAField': 'send at least one of role, displayName, isActive, brands',
    'users.tokenNameRequired': 'say what the token is for',

    // The signed-in person's own settings (GET/PATCH /api/v1/me)
    'me.languageInvalid': 'a language is vi, en or am, or null to follow the spreadsheet and the tenant',
    'me.languageNotChanged': 'Your language was not changed: {problems}.',
    'me.noUser': 'This sign-in belongs to no user of this tenant, so it has no settings of its own.',

    // Tenants
    'tenants.noTenant': 'This database has no tenant; run npm run db:migrate first.',
    'tenants.notFound': 'There is no tenant "{code}". The tenants are: {codes}. Add one with: npm run tenant -- add --code <code> --name "<name>"',
    'tenants.notAdded': 'The tenant was not added: {problems}.',
    'tenants.exists': 'A tenant with the code "{code}" already exists.',
    'tenants.codeInvalid': 'a tenant code is 1–40 letters, digits, "-" or "_", starting with a letter or digit (hnf, cocoon-vn)',
    'tenants.nameRequired': 'give the tenant a name',
    'tenants.currencyInvalid': 'a currency is three letters (VND, USD)',
    'tenants.timeZoneInvalid': 'a time zone is an IANA name such as Asia/Ho_Chi_Minh',
    'tenants.languageInvalid': 'a language is vi, en or am',

    // Licences
    'license.notALicenceFile': 'This is not a Booking Center licence file: it has no "{begin}" … "{end}" block. Use the .lic file you were sent, unchanged.',
    'license.damaged': 'The licence file is damaged: its content cannot be read. Use the .lic file you were sent, unchanged.',
    'license.unknownKey': 'The licence was signed with a key this server does not know ({keyId}). Ask your vendor for a licence for this version.',
    'license.noKeyId': 'no key id',
    'license.tampered': 'The licence has been changed since it was issued (its signature does not match), so it is not accepted. Use the .lic file you were sent, unchanged.',
    'license.notThisVersion': 'The licence is signed but its content is not a Booking Center licence of this version.',
    'license.otherMachine':
      'This licence is for another machine ({licensed}…); this one is {current}…. Send the output of "npm run license -- fingerprint" to your vendor for a licence for this machine.',
    'license.notYetValid': "The licence was issued on {issuedOn}, after this machine's date ({today}). Check the machine's clock.",
    'license.expired': 'The licence for {licensee} expired on {expiredOn}. Ask your vendor to renew it, then run "npm run license -- activate FILE".',
    'license.clockSetBack': "This machine's clock ({now}) is earlier than the last time Booking Center ran ({lastSeen}). Set the clock right and start again.",
    'license.trial': 'Trial: {days, plural, one {# day} other {# days}} left (until {until}). Activate a licence with "npm run license -- activate FILE".',
    'license.trialOver':
      'The trial ended on {endedOn}, so Booking Center is read-only: you can read and export, not change data. Activate a licence with "npm run license -- activate FILE".',
    'license.licensed': 'Licensed to {licensee} (tenant {tenant}, {seats, plural, one {# seat} other {# seats}}) until {until}.',
    'license.readOnlyUntilThen': '{refusal} Until then Booking Center is read-only.',
    'license.nothingSaved': 'Nothing was saved. {status}',
    'license.cannotReadFile': 'Cannot read the licence file {file}: check the path.',

    // Personal data
    'erasure.confirmCreator':
      'Erasing the personal data of {creatorKey} cannot be undone. To go ahead, confirm with the creator key exactly: "confirm": "{creatorKey}".',
    'erasure.confirmContact':
      'Erasing the personal data of the contact {contact} of {creatorKey} cannot be undone. To go ahead, confirm with the creator key exactly: "confirm": "{creatorKey}".',
    'erasure.typeExactly': 'type {creatorKey} exactly',
    'erasure.contactNotFound': '{creatorKey} has no {contactType} contact named {name}.',
    'erasure.creatorNotFound': 'There is no creator {creatorKey}.',
    'erasure.notErased': 'The personal data of {creatorKey} was not erased.',

    // npm run user
    'cli.user.giveRole': 'Give --role.',
    'cli.user.notARole': '--role {given} is not a role; the roles are {roles}.',
    'cli.user.giveEmail': 'Give --email.',
    'cli.user.giveName': 'Give --name "<their name>".',
    'cli.user.brandsForClientsOnly': '--brands is for --role client only.',
    'cli.user.added':
      'Added {email} ({name}) as {role}, username {username}{brands, select, none {} other {, brands {brands}}}.\nThey sign in from the add-on with that Google account.',
    'cli.user.noUsers': 'No users yet. Add the first admin: npm run user -- add --email <email> --name "<name>" --role admin',
    'cli.user.roleNow': '{email} is now {role}.',
    'cli.user.activeAgain': '{email} is active again.',
    'cli.user.deactivated': '{email} is deactivated: they can no longer sign in, and their API tokens stop working.',
    'cli.user.stateActive': 'active',
    'cli.user.stateDeactivated': 'deactivated',
    'cli.user.brandsColumn': 'brands {brands}',
    'cli.user.tokenLastUsed': 'token last used {when}',
    'cli.user.failed': 'The user command failed: {message}',

    // npm run token
    'cli.token.noSuchUser': "There is no user ''{name}'' in the tenant {tenant}; npm run user -- list shows them.",
    'cli.token.defaultName': 'API token',
    'cli.token.created': 'Token for {email} ({role}), "{name}":\n\n  {token}\n\nKeep it secret; it is not shown again. Send it as: Authorization: Bearer <token>',
    'cli.token.none': 'No API tokens yet.',
    'cli.token.stateRevoked': 'revoked {when}',
    'cli.token.stateLastUsed': 'last used {when}',
    'cli.token.stateNeverUsed': 'never used',
    'cli.token.revoked': 'Revoked {prefix} ({when}).',
    'cli.token.failed': 'The token command failed: {message}',

    // npm run tenant
    'cli.tenant.firstAdminHint': 'Then give the tenant its first admin: npm run user -- add --tenant <code> --email … --name … --role admin',
    'cli.tenant.added':
      'Added the tenant {code} ({name}: {currency}, {timeZone}, {language}).\nGive it its first admin: npm run user -- add --tenant {code} --email <email> --name "<name>" --role admin',
    'cli.tenant.defaultMarker': '← the default of every command',
    'cli.tenant.failed': 'The tenant command failed: {message}',

    // npm run erase
    'cli.erase.cannotBeUndone': 'The erasure cannot be undone: --confirm must repeat the creator key exactly.',
    'cli.erase.useServer': 'erase through the running server instead: POST {endpoint} (docs/personal-data.md)',
    'cli.erase.contactErased': 'Erased the contact {name} of {creatorKey} (as {actor}).',
    'cli.erase.creatorErased':
      'Erased the personal data of {creatorKey}: now "{name}"; {contacts, number} contact(s) blanked, {channels, number} channel(s) anonymised, {notes, number} note(s) emptied (as {actor}).',
    'cli.erase.kept': 'Kept: {bookings, number} booking(s), {payments, number} payment(s), {videos, number} video(s).',
    'cli.erase.stopped': 'The erasure stopped: {message}',

    // npm run license
    'cli.license.notActivated': 'The licence was not activated: {message}',
    'cli.license.reasonCode': 'Reason code: {reason}',
    'cli.license.machine': 'Machine: {fingerprint}',
    'cli.license.failed': 'The licence command failed: {message}',
  },
  vi: {
    'role.admin': 'admin',
    'role.lead': 'lead (trưởng nhóm)',
    'role.finance': 'finance (kế toán)',
    'role.viewer': 'viewer (chỉ xem)',
    'role.client': 'client (khách hàng)',
    'role.station_rep': 'station_rep (đại diện đài)',

    'auth.signInFirstWithHeader': 'Hãy đăng nhập trước: gửi kèm "Authorization: Bearer <token>".',
    'auth.signInFirst': 'Hãy đăng nhập trước.',
    'auth.apiTokenNotValid': 'API token này không hợp lệ hoặc đã bị thu hồi. Hãy xin admin một token mới.',
    'auth.notAUserYet': '{email} chưa phải là người dùng Booking Center. Hãy nhờ admin thêm bạn vào.',
    'auth.unknownAuthorization': 'Header Authorization không chứa lượt đăng nhập Google cũng không chứa API token.',
    'auth.accountDeactivated': 'Tài khoản {email} đã bị vô hiệu hoá.',
    'auth.googleNotSetUp': 'Máy chủ này chưa thiết lập đăng nhập bằng Google (GOOGLE_ID_TOKEN_AUDIENCE đang trống).',
    'auth.googleNotVerified': 'Không xác minh được lượt đăng nhập Google của bạn (đã hết hạn hoặc không dành cho máy chủ này). Hãy mở lại sidebar rồi thử lại.',
    'auth.googleNoEmail': 'Tài khoản Google của bạn không chia sẻ địa chỉ email.',
    'auth.googleEmailNotVerified':
      'Google chưa xác minh {email} thuộc về tài khoản này nên không thể đăng nhập. Hãy xác minh địa chỉ với Google (hoặc đăng nhập bằng tài khoản công ty) rồi thử lại.',
    'auth.tooManyFailedSignIns':
      'Đăng nhập sai quá nhiều lần {subject, select, address {từ địa chỉ của bạn} other {với {label}}}: {limit, number} lần trong {windowMinutes, number} phút. Hãy chờ {minutes, plural, other {# phút}} rồi thử lại, với một lượt đăng nhập Google mới hoặc một API token được chép đầy đủ và chưa bị thu hồi.',
    'auth.apiTokenLabel': 'API token {prefix}…',
    'auth.noActiveUser': 'Không có người dùng đang hoạt động nào tên “{username}”.',

    'users.adminOnly': 'Chỉ admin mới quản lý được người dùng và API token; vai trò của bạn là {role}.',
    'users.notAUser': '{email} chưa phải là người dùng của tenant này.',
    'users.emailTaken':
      'Email này đã thuộc về một người dùng Booking Center khác trên máy chủ này nên không thể thêm ở đây: mỗi người chỉ đăng nhập vào một nơi. Hãy xin họ một địa chỉ khác, hoặc hỏi người quản lý máy chủ.',
    'users.unknownBrands': 'Ở đây không có brand {brands}. Client chỉ được gán mã brand của tenant này (tab Brands).',
    'users.noBrandWithCode': 'không có brand nào mang mã “{code}”',
    'users.brandsForClientsOnly': 'Chỉ người dùng client mới được gán brand (họ chỉ thấy chiến dịch của các brand đó); vai trò của người dùng này là {role}.',
    'users.brandsOnlyForClients': 'chỉ dành cho vai trò client',
    'users.usernameTaken': 'Tên người dùng “{username}” đã có người dùng trong tenant này; hãy chọn tên khác (hoặc bỏ trống để dùng phần đầu của email).',
    'users.usernameTakenShort': 'đã có người dùng',
    'users.alreadyAUser':
      '{email} đã là người dùng ở đây ({role}{state, select, active {} other {, đã bị vô hiệu hoá}}). {state, select, active {Hãy đổi vai trò của họ.} other {Hãy kích hoạt lại họ.}}',
    'users.lastAdmin':
      '{email} là admin cuối cùng còn hoạt động của tenant này nên không thể {change, select, role {đổi sang vai trò khác} other {bị vô hiệu hoá}}: phải có người quản lý được người dùng. Hãy chỉ định một người khác làm admin trước.',
    'users.seatsFull': 'Giấy phép chỉ có {seats, number} chỗ và đã dùng hết cho người đang hoạt động. Hãy ngừng kích hoạt người không còn cần truy cập, hoặc xin nhà cung cấp giấy phép nhiều chỗ hơn.',
    'users.notAdded': 'Chưa thêm người dùng: {problems}.',
    'users.notChanged': 'Chưa thay đổi {email}: {problems}.',
    'users.tokenNotCreated': 'Chưa tạo token: {problems}.',
    'users.inactiveNoToken': '{email} đã bị vô hiệu hoá: hãy kích hoạt lại trước khi cấp token cho họ.',
    'users.tokenNotFound': 'Không có API token nào ở đây có tiền tố {prefix}. Danh sách token có ghi tiền tố của từng token.',
    'users.emailInvalid': 'một địa chỉ email, ví dụ lan@agency.vn',
    'users.nameRequired': 'hãy nhập tên của người này',
    'users.usernameInvalid': 'tên người dùng không có dấu cách và không có "@"',
    'users.changeNeedsAField': 'hãy gửi ít nhất một trong các trường role, displayName, isActive, brands',
    'users.tokenNameRequired': 'hãy ghi token dùng để làm gì',

    'me.languageInvalid': 'ngôn ngữ là vi, en hoặc am, hoặc null để theo bảng tính và tenant',
    'me.languageNotChanged': 'Chưa đổi ngôn ngữ của bạn: {problems}.',
    'me.noUser': 'Lượt đăng nhập này không thuộc người dùng nào của tenant này nên không có thiết lập riêng.',

    'tenants.noTenant': 'Cơ sở dữ liệu này chưa có tenant nào; hãy chạy npm run db:migrate trước.',
    'tenants.notFound': 'Không có tenant “{code}”. Các tenant hiện có: {codes}. Thêm tenant bằng: npm run tenant -- add --code <code> --name "<name>"',
    'tenants.notAdded': 'Chưa thêm tenant: {problems}.',
    'tenants.exists': 'Đã có tenant mang mã “{code}”.',
    'tenants.codeInvalid': 'mã tenant gồm 1–40 chữ cái, chữ số, "-" hoặc "_", bắt đầu bằng chữ cái hoặc chữ số (hnf, cocoon-vn)',
    'tenants.nameRequired': 'hãy đặt tên cho tenant',
    'tenants.currencyInvalid': 'mã tiền tệ gồm ba chữ cái (VND, USD)',
    'tenants.timeZoneInvalid': 'múi giờ là một tên IANA, ví dụ Asia/Ho_Chi_Minh',
    'tenants.languageInvalid': 'ngôn ngữ là vi, en hoặc am',

    'license.notALicenceFile': 'Đây không phải tệp giấy phép Booking Center: không có khối "{begin}" … "{end}". Hãy dùng đúng tệp .lic bạn được gửi, không chỉnh sửa.',
    'license.damaged': 'Tệp giấy phép bị hỏng: không đọc được nội dung. Hãy dùng đúng tệp .lic bạn được gửi, không chỉnh sửa.',
    'license.unknownKey': 'Giấy phép được ký bằng một khoá mà máy chủ này không biết ({keyId}). Hãy xin nhà cung cấp giấy phép cho phiên bản này.',
    'license.noKeyId': 'không có mã khoá',
    'license.tampered': 'Giấy phép đã bị sửa đổi sau khi cấp (chữ ký không khớp) nên không được chấp nhận. Hãy dùng đúng tệp .lic bạn được gửi, không chỉnh sửa.',
    'license.notThisVersion': 'Giấy phép có chữ ký nhưng nội dung không phải giấy phép Booking Center của phiên bản này.',
    'license.otherMachine':
      'Giấy phép này dành cho máy khác ({licensed}…); máy này là {current}…. Hãy gửi kết quả của "npm run license -- fingerprint" cho nhà cung cấp để nhận giấy phép cho máy này.',
    'license.notYetValid': 'Giấy phép được cấp ngày {issuedOn}, sau ngày trên máy này ({today}). Hãy kiểm tra đồng hồ của máy.',
    'license.expired': 'Giấy phép của {licensee} đã hết hạn ngày {expiredOn}. Hãy nhờ nhà cung cấp gia hạn, rồi chạy "npm run license -- activate FILE".',
    'license.clockSetBack': 'Đồng hồ của máy này ({now}) sớm hơn lần gần nhất Booking Center chạy ({lastSeen}). Hãy chỉnh lại đồng hồ rồi khởi động lại.',
    'license.trial': 'Dùng thử: còn {days, plural, other {# ngày}} (đến {until}). Kích hoạt giấy phép bằng "npm run license -- activate FILE".',
    'license.trialOver':
      'Thời gian dùng thử đã kết thúc ngày {endedOn} nên Booking Center chỉ cho đọc: bạn có thể xem và xuất dữ liệu, không thể thay đổi. Kích hoạt giấy phép bằng "npm run license -- activate FILE".',
    'license.licensed': 'Đã cấp phép cho {licensee} (tenant {tenant}, {seats, plural, other {# người dùng}}) đến {until}.',
    'license.readOnlyUntilThen': '{refusal} Cho đến lúc đó Booking Center chỉ cho đọc.',
    'license.nothingSaved': 'Chưa lưu gì cả. {status}',
    'license.cannotReadFile': 'Không đọc được tệp giấy phép {file}: hãy kiểm tra đường dẫn.',

    'erasure.confirmCreator':
      'Xoá dữ liệu cá nhân của {creatorKey} thì không thể hoàn tác. Để tiếp tục, hãy xác nhận bằng đúng mã creator: "confirm": "{creatorKey}".',
    'erasure.confirmContact':
      'Xoá dữ liệu cá nhân của liên hệ {contact} thuộc {creatorKey} thì không thể hoàn tác. Để tiếp tục, hãy xác nhận bằng đúng mã creator: "confirm": "{creatorKey}".',
    'erasure.typeExactly': 'hãy gõ đúng {creatorKey}',
    'erasure.contactNotFound': '{creatorKey} không có liên hệ {contactType} nào tên {name}.',
    'erasure.creatorNotFound': 'Không có creator {creatorKey}.',
    'erasure.notErased': 'Chưa xoá dữ liệu cá nhân của {creatorKey}.',

    'cli.user.giveRole': 'Hãy nhập --role.',
    'cli.user.notARole': '--role {given} không phải là vai trò; các vai trò là {roles}.',
    'cli.user.giveEmail': 'Hãy nhập --email.',
    'cli.user.giveName': 'Hãy nhập --name "<tên của họ>".',
    'cli.user.brandsForClientsOnly': '--brands chỉ dùng với --role client.',
    'cli.user.added':
      'Đã thêm {email} ({name}) với vai trò {role}, tên người dùng {username}{brands, select, none {} other {, brand {brands}}}.\nHọ đăng nhập từ add-on bằng tài khoản Google đó.',
    'cli.user.noUsers': 'Chưa có người dùng nào. Hãy thêm admin đầu tiên: npm run user -- add --email <email> --name "<name>" --role admin',
    'cli.user.roleNow': '{email} giờ là {role}.',
    'cli.user.activeAgain': '{email} đã hoạt động trở lại.',
    'cli.user.deactivated': '{email} đã bị vô hiệu hoá: họ không đăng nhập được nữa và các API token của họ ngừng hoạt động.',
    'cli.user.stateActive': 'đang hoạt động',
    'cli.user.stateDeactivated': 'đã vô hiệu hoá',
    'cli.user.brandsColumn': 'brand {brands}',
    'cli.user.tokenLastUsed': 'token dùng lần cuối {when}',
    'cli.user.failed': 'Lệnh user bị lỗi: {message}',

    'cli.token.noSuchUser': 'Không có người dùng “{name}” trong tenant {tenant}; npm run user -- list liệt kê họ.',
    'cli.token.defaultName': 'API token',
    'cli.token.created': 'Token cho {email} ({role}), "{name}":\n\n  {token}\n\nHãy giữ bí mật; token sẽ không hiện lại. Gửi kèm dưới dạng: Authorization: Bearer <token>',
    'cli.token.none': 'Chưa có API token nào.',
    'cli.token.stateRevoked': 'đã thu hồi {when}',
    'cli.token.stateLastUsed': 'dùng lần cuối {when}',
    'cli.token.stateNeverUsed': 'chưa dùng lần nào',
    'cli.token.revoked': 'Đã thu hồi {prefix} ({when}).',
    'cli.token.failed': 'Lệnh token bị lỗi: {message}',

    'cli.tenant.firstAdminHint': 'Sau đó hãy thêm admin đầu tiên cho tenant: npm run user -- add --tenant <code> --email … --name … --role admin',
    'cli.tenant.added':
      'Đã thêm tenant {code} ({name}: {currency}, {timeZone}, {language}).\nHãy thêm admin đầu tiên: npm run user -- add --tenant {code} --email <email> --name "<name>" --role admin',
    'cli.tenant.defaultMarker': '← mặc định của mọi lệnh',
    'cli.tenant.failed': 'Lệnh tenant bị lỗi: {message}',

    'cli.erase.cannotBeUndone': 'Không thể hoàn tác việc xoá: --confirm phải lặp lại đúng mã creator.',
    'cli.erase.useServer': 'hãy xoá qua máy chủ đang chạy: POST {endpoint} (docs/personal-data.md)',
    'cli.erase.contactErased': 'Đã xoá liên hệ {name} của {creatorKey} (với tư cách {actor}).',
    'cli.erase.creatorErased':
      'Đã xoá dữ liệu cá nhân của {creatorKey}: giờ là "{name}"; {contacts, number} liên hệ được làm trống, {channels, number} kênh được ẩn danh, {notes, number} ghi chú được xoá nội dung (với tư cách {actor}).',
    'cli.erase.kept': 'Giữ lại: {bookings, number} booking, {payments, number} khoản thanh toán, {videos, number} video.',
    'cli.erase.stopped': 'Việc xoá đã dừng: {message}',

    'cli.license.notActivated': 'Chưa kích hoạt giấy phép: {message}',
    'cli.license.reasonCode': 'Mã lý do: {reason}',
    'cli.license.machine': 'Máy: {fingerprint}',
    'cli.license.failed': 'Lệnh license bị lỗi: {message}',
  },
  am: {
    'role.admin': 'አስተዳዳሪ (admin)',
    'role.lead': 'መሪ (lead)',
    'role.finance': 'ፋይናንስ (finance)',
    'role.viewer': 'ተመልካች (viewer)',
    'role.client': 'ደንበኛ (client)',
    'role.station_rep': 'የጣቢያ ተወካይ (station_rep)',

    'auth.signInFirstWithHeader': 'መጀመሪያ ይግቡ፦ "Authorization: Bearer <token>" ይላኩ።',
    'auth.signInFirst': 'መጀመሪያ ይግቡ።',
    'auth.apiTokenNotValid': 'ይህ የAPI ቶከን ትክክል አይደለም ወይም ተሰርዟል። አዲስ እንዲሰጥዎ አስተዳዳሪን ይጠይቁ።',
    'auth.notAUserYet': '{email} ገና የBooking Center ተጠቃሚ አይደለም። እንዲጨምርዎ አስተዳዳሪን ይጠይቁ።',
    'auth.unknownAuthorization': 'የAuthorization ራስጌው የGoogle መግቢያም ሆነ የAPI ቶከን አልያዘም።',
    'auth.accountDeactivated': 'የ{email} መለያ ተሰናክሏል።',
    'auth.googleNotSetUp': 'በዚህ ሰርቨር ላይ በGoogle መግባት አልተዘጋጀም (GOOGLE_ID_TOKEN_AUDIENCE ባዶ ነው)።',
    'auth.googleNotVerified': 'የGoogle መግቢያዎ ሊረጋገጥ አልቻለም (ጊዜው አልፎበታል ወይም ለዚህ ሰርቨር የታሰበ አይደለም)። የጎን ፓነሉን እንደገና ከፍተው ይሞክሩ።',
    'auth.googleNoEmail': 'የGoogle መለያዎ የኢሜይል አድራሻ አላጋራም።',
    'auth.googleEmailNotVerified':
      'Google {email} የዚህ መለያ መሆኑን ስላላረጋገጠ መግባት አይቻልም። አድራሻውን በGoogle ያረጋግጡ (ወይም በሥራ መለያዎ ይግቡ) እና እንደገና ይሞክሩ።',
    'auth.tooManyFailedSignIns':
      '{subject, select, address {ከአድራሻዎ} other {ለ{label}}} ብዙ ያልተሳኩ የመግባት ሙከራዎች ተደርገዋል፦ በ{windowMinutes, number} ደቂቃ ውስጥ {limit, number}። {minutes, plural, one {# ደቂቃ} other {# ደቂቃዎች}} ጠብቀው በአዲስ የGoogle መግቢያ ወይም ሙሉ በሙሉ በተገለበጠና ባልተሰረዘ የAPI ቶከን እንደገና ይሞክሩ።',
    'auth.apiTokenLabel': 'የAPI ቶከን {prefix}…',
    'auth.noActiveUser': '“{username}” የሚባል ንቁ ተጠቃሚ የለም።',

    'users.adminOnly': 'ተጠቃሚዎችንና የAPI ቶከኖችን ማስተዳደር የሚችለው አስተዳዳሪ ብቻ ነው፤ የእርስዎ ሚና {role} ነው።',
    'users.notAUser': '{email} የዚህ ድርጅት ተጠቃሚ አይደለም።',
    'users.emailTaken':
      'ይህ ኢሜይል በዚህ ሰርቨር ላይ በሌላ ቦታ ያለ የBooking Center ተጠቃሚ ስለሆነ እዚህ መጨመር አይቻልም፦ አንድ ሰው የሚገባው በአንድ ቦታ ብቻ ነው። ሌላ አድራሻ እንዲሰጡዎ ይጠይቁ፣ ወይም ሰርቨሩን የሚያስተዳድረውን ሰው ይጠይቁ።',
    'users.unknownBrands': 'እዚህ {brands} የሚባል ብራንድ የለም። ደንበኛ የሚሰጠው የዚህ ድርጅት የብራንድ ኮዶች ብቻ ነው (የBrands ሉህ)።',
    'users.noBrandWithCode': '“{code}” የሚል ኮድ ያለው ብራንድ የለም',
    'users.brandsForClientsOnly': 'ብራንዶች የሚሰጡት ለደንበኛ ተጠቃሚዎች ብቻ ነው (የእነዚያን ብራንዶች ዘመቻዎች ብቻ ያያሉ)፤ የዚህ ተጠቃሚ ሚና {role} ነው።',
    'users.brandsOnlyForClients': 'ለደንበኛ ሚና ብቻ',
    'users.usernameTaken': '“{username}” የሚለው የተጠቃሚ ስም በዚህ ድርጅት ውስጥ ተይዟል፤ ሌላ ይምረጡ (ወይም የኢሜይሉን የመጀመሪያ ክፍል ለመጠቀም ባዶ ይተዉት)።',
    'users.usernameTakenShort': 'ተይዟል',
    'users.alreadyAUser':
      '{email} እዚህ ተጠቃሚ ነው ({role}{state, select, active {} other {፣ ተሰናክሏል}})። {state, select, active {ይልቁንስ ሚናቸውን ይቀይሩ።} other {ይልቁንስ እንደገና ያንቁዋቸው።}}',
    'users.lastAdmin':
      '{email} የዚህ ድርጅት የመጨረሻው ንቁ አስተዳዳሪ ስለሆኑ {change, select, role {ሌላ ሚና ሊሰጣቸው} other {ሊሰናከሉ}} አይችሉም፦ ተጠቃሚዎችን የሚያስተዳድር ሰው መኖር አለበት። መጀመሪያ ሌላ ሰው አስተዳዳሪ ያድርጉ።',
    'users.seatsFull': 'የፈቃዱ {seats, number} {seats, plural, one {ቦታ} other {ቦታዎች}} በሙሉ በንቁ ተጠቃሚዎች ተይዘዋል። መዳረሻ የማያስፈልገውን ተጠቃሚ ያቦዝኑ፣ ወይም ተጨማሪ ቦታ ያለው ፈቃድ ከአቅራቢዎ ይጠይቁ።',
    'users.notAdded': 'ተጠቃሚው አልተጨመረም፦ {problems}።',
    'users.notChanged': '{email} አልተለወጠም፦ {problems}።',
    'users.tokenNotCreated': 'ቶከኑ አልተፈጠረም፦ {problems}።',
    'users.inactiveNoToken': '{email} ተሰናክሏል፦ ቶከን ከመስጠትዎ በፊት እንደገና ያንቁት።',
    'users.tokenNotFound': 'እዚህ {prefix} የሚል መነሻ ያለው የAPI ቶከን የለም። የቶከኖች ዝርዝር የእያንዳንዱን ቶከን መነሻ ያሳያል።',
    'users.emailInvalid': 'የኢሜይል አድራሻ፣ ለምሳሌ lan@agency.vn',
    'users.nameRequired': 'ለሰውየው ስም ይስጡ',
    'users.usernameInvalid': 'የተጠቃሚ ስም ክፍተትም "@"ም የለውም',
    'users.changeNeedsAField': 'ከrole፣ displayName፣ isActive፣ brands ቢያንስ አንዱን ይላኩ',
    'users.tokenNameRequired': 'ቶከኑ ለምን እንደሆነ ይግለጹ',

    'me.languageInvalid': 'ቋንቋ vi፣ en ወይም am ነው፤ ወይም የተመን ሉሁን እና ድርጅቱን ለመከተል null',
    'me.languageNotChanged': 'ቋንቋዎ አልተለወጠም፦ {problems}።',
    'me.noUser': 'ይህ መግቢያ የዚህ ድርጅት የማንም ተጠቃሚ ስላልሆነ የራሱ ቅንብሮች የሉትም።',

    'tenants.noTenant': 'ይህ ዳታቤዝ ምንም ድርጅት የለውም፤ መጀመሪያ npm run db:migrate ያሂዱ።',
    'tenants.notFound': '“{code}” የሚባል ድርጅት የለም። ያሉት ድርጅቶች፦ {codes}። አንድ ለመጨመር፦ npm run tenant -- add --code <code> --name "<name>"',
    'tenants.notAdded': 'ድርጅቱ አልተጨመረም፦ {problems}።',
    'tenants.exists': '“{code}” የሚል ኮድ ያለው ድርጅት አስቀድሞ አለ።',
    'tenants.codeInvalid': 'የድርጅት ኮድ ከ1–40 ፊደላት፣ አሃዞች፣ "-" ወይም "_" ሲሆን በፊደል ወይም በአሃዝ ይጀምራል (hnf, cocoon-vn)',
    'tenants.nameRequired': 'ለድርጅቱ ስም ይስጡ',
    'tenants.currencyInvalid': 'ምንዛሪ ሦስት ፊደላት ነው (VND, USD)',
    'tenants.timeZoneInvalid': 'የሰዓት ክልል እንደ Asia/Ho_Chi_Minh ያለ የIANA ስም ነው',
    'tenants.languageInvalid': 'ቋንቋ vi፣ en ወይም am ነው',

    'license.notALicenceFile': 'ይህ የBooking Center የፈቃድ ፋይል አይደለም፦ "{begin}" … "{end}" ክፍል የለውም። የተላከልዎትን .lic ፋይል ሳይለውጡ ይጠቀሙ።',
    'license.damaged': 'የፈቃድ ፋይሉ ተበላሽቷል፦ ይዘቱ ሊነበብ አይችልም። የተላከልዎትን .lic ፋይል ሳይለውጡ ይጠቀሙ።',
    'license.unknownKey': 'ፈቃዱ የተፈረመው ይህ ሰርቨር በማያውቀው ቁልፍ ነው ({keyId})። ለዚህ ስሪት ፈቃድ እንዲሰጥዎ አቅራቢዎን ይጠይቁ።',
    'license.noKeyId': 'የቁልፍ መለያ የለም',
    'license.tampered': 'ፈቃዱ ከተሰጠ በኋላ ተለውጧል (ፊርማው አይዛመድም)፣ ስለዚህ ተቀባይነት የለውም። የተላከልዎትን .lic ፋይል ሳይለውጡ ይጠቀሙ።',
    'license.notThisVersion': 'ፈቃዱ ተፈርሟል፣ ነገር ግን ይዘቱ የዚህ ስሪት የBooking Center ፈቃድ አይደለም።',
    'license.otherMachine':
      'ይህ ፈቃድ ለሌላ ማሽን ነው ({licensed}…)፤ ይህኛው {current}… ነው። ለዚህ ማሽን ፈቃድ ለማግኘት የ"npm run license -- fingerprint" ውጤትን ለአቅራቢዎ ይላኩ።',
    'license.notYetValid': 'ፈቃዱ የተሰጠው በ{issuedOn} ነው፣ ይህም ከዚህ ማሽን ቀን ({today}) በኋላ ነው። የማሽኑን ሰዓት ያረጋግጡ።',
    'license.expired': 'የ{licensee} ፈቃድ በ{expiredOn} ጊዜው አልፏል። አቅራቢዎ እንዲያድሰው ይጠይቁ፣ ከዚያ "npm run license -- activate FILE" ያሂዱ።',
    'license.clockSetBack': 'የዚህ ማሽን ሰዓት ({now}) Booking Center ለመጨረሻ ጊዜ ከሠራበት ({lastSeen}) ቀደም ያለ ነው። ሰዓቱን አስተካክለው እንደገና ያስጀምሩ።',
    'license.trial': 'የሙከራ ጊዜ፦ {days, plural, one {# ቀን} other {# ቀናት}} ቀርተዋል (እስከ {until})። በ"npm run license -- activate FILE" ፈቃድ ያግብሩ።',
    'license.trialOver':
      'የሙከራ ጊዜው በ{endedOn} ስላበቃ Booking Center ለንባብ ብቻ ነው፦ ማንበብና ወደ ውጭ መላክ ይችላሉ፣ ውሂብ መለወጥ ግን አይችሉም። በ"npm run license -- activate FILE" ፈቃድ ያግብሩ።',
    'license.licensed': 'ለ{licensee} ፈቃድ ተሰጥቷል (ድርጅት {tenant}፣ {seats, plural, one {# መቀመጫ} other {# መቀመጫዎች}}) እስከ {until}።',
    'license.readOnlyUntilThen': '{refusal} እስከዚያው Booking Center ለንባብ ብቻ ነው።',
    'license.nothingSaved': 'ምንም አልተቀመጠም። {status}',
    'license.cannotReadFile': 'የፈቃድ ፋይሉን {file} ማንበብ አልተቻለም፦ መንገዱን ያረጋግጡ።',

    'erasure.confirmCreator':
      'የ{creatorKey}ን የግል መረጃ ማጥፋት መቀልበስ አይቻልም። ለመቀጠል በየይዘት ፈጣሪው ኮድ በትክክል ያረጋግጡ፦ "confirm": "{creatorKey}"።',
    'erasure.confirmContact':
      'የ{creatorKey} እውቂያ የሆነውን የ{contact}ን የግል መረጃ ማጥፋት መቀልበስ አይቻልም። ለመቀጠል በየይዘት ፈጣሪው ኮድ በትክክል ያረጋግጡ፦ "confirm": "{creatorKey}"።',
    'erasure.typeExactly': '{creatorKey}ን በትክክል ይጻፉ',
    'erasure.contactNotFound': '{creatorKey} {name} የሚባል የ{contactType} እውቂያ የለውም።',
    'erasure.creatorNotFound': '{creatorKey} የሚባል የይዘት ፈጣሪ የለም።',
    'erasure.notErased': 'የ{creatorKey} የግል መረጃ አልጠፋም።',

    'cli.user.giveRole': '--role ይስጡ።',
    'cli.user.notARole': '--role {given} ሚና አይደለም፤ ሚናዎቹ {roles} ናቸው።',
    'cli.user.giveEmail': '--email ይስጡ።',
    'cli.user.giveName': '--name "<ስማቸው>" ይስጡ።',
    'cli.user.brandsForClientsOnly': '--brands ለ--role client ብቻ ነው።',
    'cli.user.added':
      '{email} ({name}) እንደ {role} ተጨምሯል፣ የተጠቃሚ ስም {username}{brands, select, none {} other {፣ ብራንዶች {brands}}}።\nበዚያ የGoogle መለያ ከadd-on ይገባሉ።',
    'cli.user.noUsers': 'እስካሁን ምንም ተጠቃሚ የለም። የመጀመሪያውን አስተዳዳሪ ይጨምሩ፦ npm run user -- add --email <email> --name "<name>" --role admin',
    'cli.user.roleNow': '{email} አሁን {role} ነው።',
    'cli.user.activeAgain': '{email} እንደገና ንቁ ነው።',
    'cli.user.deactivated': '{email} ተሰናክሏል፦ ከእንግዲህ መግባት አይችሉም፣ የAPI ቶከኖቻቸውም መሥራት ያቆማሉ።',
    'cli.user.stateActive': 'ንቁ',
    'cli.user.stateDeactivated': 'ተሰናክሏል',
    'cli.user.brandsColumn': 'ብራንዶች {brands}',
    'cli.user.tokenLastUsed': 'ቶከን ለመጨረሻ ጊዜ የተጠቀመው {when}',
    'cli.user.failed': 'የuser ትዕዛዙ አልተሳካም፦ {message}',

    'cli.token.noSuchUser': 'በድርጅቱ {tenant} ውስጥ “{name}” የሚባል ተጠቃሚ የለም፤ npm run user -- list ያሳያቸዋል።',
    'cli.token.defaultName': 'የAPI ቶከን',
    'cli.token.created': 'ለ{email} ({role}) ቶከን፣ "{name}"፦\n\n  {token}\n\nምስጢር ያድርጉት፤ ዳግም አይታይም። እንደዚህ ይላኩት፦ Authorization: Bearer <token>',
    'cli.token.none': 'እስካሁን ምንም የAPI ቶከን የለም።',
    'cli.token.stateRevoked': 'ተሰርዟል {when}',
    'cli.token.stateLastUsed': 'ለመጨረሻ ጊዜ የተጠቀመው {when}',
    'cli.token.stateNeverUsed': 'ፈጽሞ አልተጠቀመም',
    'cli.token.revoked': '{prefix} ተሰርዟል ({when})።',
    'cli.token.failed': 'የtoken ትዕዛዙ አልተሳካም፦ {message}',

    'cli.tenant.firstAdminHint': 'ከዚያ ለድርጅቱ የመጀመሪያውን አስተዳዳሪ ይስጡ፦ npm run user -- add --tenant <code> --email … --name … --role admin',
    'cli.tenant.added':
      'ድርጅቱ {code} ተጨምሯል ({name}፦ {currency}, {timeZone}, {language})።\nየመጀመሪያውን አስተዳዳሪ ይስጡት፦ npm run user -- add --tenant {code} --email <email> --name "<name>" --role admin',
    'cli.tenant.defaultMarker': '← የሁሉም ትዕዛዞች ነባሪ',
    'cli.tenant.failed': 'የtenant ትዕዛዙ አልተሳካም፦ {message}',

    'cli.erase.cannotBeUndone': 'ማጥፋቱ መቀልበስ አይቻልም፦ --confirm የየይዘት ፈጣሪውን ኮድ በትክክል መድገም አለበት።',
    'cli.erase.useServer': 'ይልቁንስ በሚሠራው ሰርቨር በኩል ያጥፉ፦ POST {endpoint} (docs/personal-data.md)',
    'cli.erase.contactErased': 'የ{creatorKey} እውቂያ {name} ጠፍቷል (እንደ {actor})።',
    'cli.erase.creatorErased':
      'የ{creatorKey} የግል መረጃ ጠፍቷል፦ አሁን "{name}" ነው፤ {contacts, number} እውቂያ(ዎች) ባዶ ሆነዋል፣ {channels, number} ቻናል(ዎች) ማንነታቸው ተደብቋል፣ {notes, number} ማስታወሻ(ዎች) ባዶ ሆነዋል (እንደ {actor})።',
    'cli.erase.kept': 'የተያዙ፦ {bookings, number} ቦኪንግ፣ {payments, number} ክፍያ፣ {videos, number} ቪዲዮ።',
    'cli.erase.stopped': 'ማጥፋቱ ቆሟል፦ {message}',

    'cli.license.notActivated': 'ፈቃዱ አልነቃም፦ {message}',
    'cli.license.reasonCode': 'የምክንያት ኮድ፦ {reason}',
    'cli.license.machine': 'ማሽን፦ {fingerprint}',
    'cli.license.failed': 'የlicense ትዕዛዙ አልተሳካም፦ {message}',
  },
});
