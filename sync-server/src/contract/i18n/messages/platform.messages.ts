/** HTTP and database errors every route can answer with, and what every command line says. */
import { defineMessages } from '../define-messages.js';

export const platformMessages = defineMessages({
  en: {
    // HTTP
    'http.noRoute': 'There is no {method} {path} on this server.',
    'http.invalidFields': 'Some fields are missing or not valid.',
    'http.tooLarge': 'The request is too large. Send fewer rows at a time.',
    'http.notJson': 'The request body is not valid JSON.',
    'http.unreadable': 'The request could not be read.',
    'http.valueNotStorable':
      "A value in the request can't be stored: text with a NUL or broken character, text too long for its column, or a number too large. Nothing was changed.",
    'http.internal': 'Something went wrong on the server. Nothing was changed; please try again, and tell the team if it keeps happening.',
    'http.problemAtRow': 'row {row}: {message}',
    'http.unstorableText': "The request can't be stored: {problem}.",
    'http.rateLimited': 'Too many requests: at most {limit, number} a minute. Wait a moment and try again.',
    'http.busy': 'The server is busy; try again in a moment.',
    'http.pushBusy': 'The server is busy with other people’s pushes, so yours was not applied yet. It is sent again automatically in a moment; nothing is lost.',

    // The database
    'database.alreadyOpenHere': 'This process already has the data folder open: close it before opening it again.',
    'database.inUseByServer':
      'The Booking Center server ({label}) is running on this data folder ({where}, since {since}{at}). Stop it first (Ctrl+C in its window){instead}. One process at a time can use an embedded database folder.{elsewhere}',
    'database.inUseByCommand':
      '{label} is running on this data folder ({where}, since {since}{at}). Wait for it to finish. One process at a time can use an embedded database folder.{elsewhere}',
    'database.pid': 'pid {pid}',
    'database.pidOnHost': 'pid {pid} on {host}',
    'database.atUrl': ', at {url}',
    'database.orInstead': ', or {advice}',
    'database.lockOnOtherHost': ' If nothing runs there any more, delete {path} and try again.',
    'database.couldNotOpen': 'The database could not be opened: {message}',
    'database.migrationNotFound': 'There is no migration {name} in prisma/migrations.',
    'database.migrationFailed':
      'The database could not be brought up to date: migration {migration} failed: {message}. None of its changes were saved; the migrations before it are in place. {next}',
    'database.migrationWasInterrupted':
      'It had been interrupted on an earlier run. If that run did save its changes (a database migrated by an older version), record it as applied with: npm run db:migrate -- --mark-applied {migration}',
    'database.migrationFixThenRerun': 'Once its SQL (prisma/migrations/{migration}/migration.sql) is fixed, npm run db:migrate applies it.',
    'database.schemaEngineFailed': 'The database could not be brought up to date: {details}{code, select, none {} other { ({code})}}.',
    'database.schemaEngineStopped': 'the schema engine stopped',

    // Every command line
    'cli.usage': 'Usage:',
    'cli.langHint': 'Add --lang vi|en|am to choose the language of the messages (default: from LANG, else the tenant’s).',
    'cli.langOption': '  --lang vi|en|am        the language of the messages (default: from LANG, else the tenant’s)',
    'cli.unknownLanguage': '--lang {given} is not a language Booking Center speaks: give vi, en or am.',
    'cli.langNeedsValue': '--lang needs a language: vi, en or am.',
    'cli.noCommand': 'There is no command "{command}".',

    // npm run import
    'cli.import.optionPath': '  PATH (or --path PATH)  a folder of template files, or one file: .csv, .txt, .tsv, .xlsx, .ods',
    'cli.import.optionTable': '  --table NAME           the table a file holds when its name names none: "export (3).csv" --table creators',
    'cli.import.optionFormat': '  --format csv|xlsx      read only the CSV files, or only the workbooks, of a folder that holds both',
    'cli.import.optionCreateMissing': '  --create-missing       create placeholders for missing brands, products, creators, campaigns',
    'cli.import.optionDryRun': '  --dry-run              check everything, write nothing',
    'cli.import.optionAs': '  --as USERNAME          whose rights the rows are checked against and whose name the audit log keeps (default: the first admin)',
    'cli.import.optionTenant': '  --tenant CODE          which tenant (agency client) the rows belong to (default: the first; npm run tenant -- list)',
    'cli.import.optionErrorsOut': '  --errors-out FILE      write every problem to FILE, a CSV to open in Excel (the terminal shows the first 50 per file)',
    'cli.import.unknownOption': 'Unknown option {option}.',
    'cli.import.sayWhat': 'Say what to import: a folder of template files or one file.',
    'cli.import.onePath': 'Give one path, not {count, number} ({paths}); put a path with spaces in quotes: "export (3).csv".',
    'cli.import.formatValues': "--format is auto, csv or xlsx, not ''{given}''.",
    'cli.import.tableNeedsName': '--table needs a table name: one of {tables}.',
    'cli.import.errorsOutFolder': "--errors-out {file}: the folder {folder} does not exist or can't be written to.",
    'cli.import.errorsOutInside':
      '--errors-out {file} is inside {path}, the folder being imported: the next import would read it as a table. Write it somewhere else.',
    'cli.import.noReadableFile': '{path} holds no file the import reads (.csv, .txt, .tsv, .xlsx, .ods).',
    'cli.import.nothingToImport': 'Nothing to import.',
    'cli.import.namesNoTable':
      '{file}: {kind, select, workbook {neither its name nor a tab names} other {its name names no}} import table. Say which table it holds: --table NAME, one of {tables}.',
    'cli.import.everyProblemIn': 'Every problem ({count, number}) is in {file}.',
    'cli.import.noProblems': 'No problems: {file} lists none.',
    'cli.import.stopped': 'The import stopped: {message}',
    'cli.import.useServer': 'upload the file to the running server instead: Import in the add-on, or POST {endpoint} (docs/import-export.md)',
    'cli.import.importing': 'Importing {path} into {database} as {actor} ({role}){dryRun, select, yes { (dry run: nothing will be written)} other {}}',

    // npm run export
    'cli.export.oneCsvPerTable': '(one CSV per table)',
    'cli.export.oneTabPerTable': '(one tab per table)',
    'cli.export.detailParts': '(campaign, products, creators)',
    'cli.export.formatByExtension': 'Without --format, an --out ending in .xlsx is a workbook and anything else CSV.',
    'cli.export.tenantHint': 'Add --tenant CODE to export another tenant than the first (npm run tenant -- list).',
    'cli.export.formatMismatch': '--format {format} does not match --out {out}: {format, select, xlsx {name the file .xlsx} other {use --format xlsx for a .xlsx file}}.',
    'cli.export.useServer': 'download the export from the running server instead: GET {endpoint} or /api/v1/campaigns/export (docs/import-export.md)',
    'cli.export.campaignDone': 'Campaign {code} → {out}',
    'cli.export.rows': '{table}: {count, plural, one {# row} other {# rows}} → {path}',
    'cli.export.stopped': 'The export stopped: {message}',

    // npm run seed
    'cli.seed.loaded':
      'Sample data loaded into {database}: {brands, number} brands, {creators, number} creators, {campaigns, number} campaigns, {bookings, number} bookings, {payments, number} payments.',
    'cli.seed.failed': 'Seeding failed: {message}',

    // npm run db:migrate
    'cli.migrate.restartServer': 'restart it: the server applies pending migrations when it starts',
    'cli.migrate.marked': 'Recorded {name} as applied in {database} (its SQL was not run).',
    'cli.migrate.alreadyMarked': '{name} is already recorded as applied in {database}.',
    'cli.migrate.applied': 'Applied {count, number} migration(s) to {database}:\n{list}',
    'cli.migrate.upToDate': '{database} is up to date: no migration to apply.',
    'cli.migrate.stopped': 'The migration stopped: {message}',
  },
  vi: {
    'http.noRoute': 'Máy chủ này không có {method} {path}.',
    'http.invalidFields': 'Một số trường bị thiếu hoặc không hợp lệ.',
    'http.tooLarge': 'Yêu cầu quá lớn. Hãy gửi ít dòng hơn mỗi lần.',
    'http.notJson': 'Nội dung yêu cầu không phải JSON hợp lệ.',
    'http.unreadable': 'Không đọc được yêu cầu.',
    'http.valueNotStorable':
      'Có một giá trị trong yêu cầu không lưu được: văn bản chứa ký tự NUL hoặc ký tự lỗi, văn bản quá dài so với cột, hoặc số quá lớn. Không có gì bị thay đổi.',
    'http.internal': 'Máy chủ gặp sự cố. Không có gì bị thay đổi; hãy thử lại, và báo cho nhóm nếu lỗi vẫn tiếp diễn.',
    'http.problemAtRow': 'dòng {row}: {message}',
    'http.unstorableText': 'Không lưu được yêu cầu: {problem}.',
    'http.rateLimited': 'Quá nhiều yêu cầu: tối đa {limit, number} yêu cầu mỗi phút. Hãy chờ một lát rồi thử lại.',
    'http.busy': 'Máy chủ đang bận; hãy thử lại sau giây lát.',
    'http.pushBusy': 'Máy chủ đang bận xử lý các lượt gửi thay đổi của người khác nên lượt của bạn chưa được áp dụng. Hệ thống sẽ tự gửi lại sau giây lát; không mất dữ liệu.',

    'database.alreadyOpenHere': 'Tiến trình này đã mở thư mục dữ liệu rồi: hãy đóng trước khi mở lại.',
    'database.inUseByServer':
      'Máy chủ Booking Center ({label}) đang chạy trên thư mục dữ liệu này ({where}, từ {since}{at}). Hãy dừng nó trước (Ctrl+C trong cửa sổ của nó){instead}. Mỗi lúc chỉ một tiến trình được dùng một thư mục cơ sở dữ liệu nhúng.{elsewhere}',
    'database.inUseByCommand':
      '{label} đang chạy trên thư mục dữ liệu này ({where}, từ {since}{at}). Hãy chờ nó chạy xong. Mỗi lúc chỉ một tiến trình được dùng một thư mục cơ sở dữ liệu nhúng.{elsewhere}',
    'database.pid': 'pid {pid}',
    'database.pidOnHost': 'pid {pid} trên {host}',
    'database.atUrl': ', tại {url}',
    'database.orInstead': ', hoặc {advice}',
    'database.lockOnOtherHost': ' Nếu ở đó không còn gì chạy nữa, hãy xoá {path} rồi thử lại.',
    'database.couldNotOpen': 'Không mở được cơ sở dữ liệu: {message}',
    'database.migrationNotFound': 'Không có migration {name} trong prisma/migrations.',
    'database.migrationFailed':
      'Không cập nhật được cơ sở dữ liệu: migration {migration} bị lỗi: {message}. Không thay đổi nào của nó được lưu; các migration trước nó vẫn còn nguyên. {next}',
    'database.migrationWasInterrupted':
      'Nó đã bị ngắt ở một lần chạy trước. Nếu lần chạy đó đã lưu các thay đổi (cơ sở dữ liệu được migrate bởi phiên bản cũ hơn), hãy ghi nhận là đã áp dụng bằng: npm run db:migrate -- --mark-applied {migration}',
    'database.migrationFixThenRerun': 'Sau khi sửa SQL của nó (prisma/migrations/{migration}/migration.sql), npm run db:migrate sẽ áp dụng nó.',
    'database.schemaEngineFailed': 'Không cập nhật được cơ sở dữ liệu: {details}{code, select, none {} other { ({code})}}.',
    'database.schemaEngineStopped': 'schema engine đã dừng',

    'cli.usage': 'Cách dùng:',
    'cli.langHint': 'Thêm --lang vi|en|am để chọn ngôn ngữ của thông báo (mặc định: theo LANG, nếu không thì theo tenant).',
    'cli.langOption': '  --lang vi|en|am        ngôn ngữ của thông báo (mặc định: theo LANG, nếu không thì theo tenant)',
    'cli.unknownLanguage': '--lang {given} không phải ngôn ngữ Booking Center hỗ trợ: hãy dùng vi, en hoặc am.',
    'cli.langNeedsValue': '--lang cần một ngôn ngữ: vi, en hoặc am.',
    'cli.noCommand': 'Không có lệnh “{command}”.',

    'cli.import.optionPath': '  PATH (hoặc --path PATH)  một thư mục chứa các tệp mẫu, hoặc một tệp: .csv, .txt, .tsv, .xlsx, .ods',
    'cli.import.optionTable': '  --table NAME           bảng mà tệp chứa khi tên tệp không nêu bảng nào: "export (3).csv" --table creators',
    'cli.import.optionFormat': '  --format csv|xlsx      chỉ đọc các tệp CSV, hoặc chỉ đọc các workbook, trong thư mục có cả hai loại',
    'cli.import.optionCreateMissing': '  --create-missing       tạo bản ghi tạm cho brand, sản phẩm, creator, chiến dịch còn thiếu',
    'cli.import.optionDryRun': '  --dry-run              kiểm tra mọi thứ, không ghi gì',
    'cli.import.optionAs': '  --as USERNAME          quyền của ai được dùng để kiểm tra các dòng và tên ai được ghi vào nhật ký (mặc định: admin đầu tiên)',
    'cli.import.optionTenant': '  --tenant CODE          các dòng thuộc tenant nào (khách hàng của agency) (mặc định: tenant đầu tiên; npm run tenant -- list)',
    'cli.import.optionErrorsOut': '  --errors-out FILE      ghi mọi lỗi vào FILE, một tệp CSV để mở bằng Excel (terminal chỉ hiện 50 lỗi đầu của mỗi tệp)',
    'cli.import.unknownOption': 'Không có tuỳ chọn {option}.',
    'cli.import.sayWhat': 'Hãy cho biết cần import gì: một thư mục chứa các tệp mẫu hoặc một tệp.',
    'cli.import.onePath': 'Hãy đưa một đường dẫn, không phải {count, number} ({paths}); đặt đường dẫn có dấu cách trong ngoặc kép: "export (3).csv".',
    'cli.import.formatValues': '--format là auto, csv hoặc xlsx, không phải “{given}”.',
    'cli.import.tableNeedsName': '--table cần tên bảng: một trong {tables}.',
    'cli.import.errorsOutFolder': '--errors-out {file}: thư mục {folder} không tồn tại hoặc không ghi được.',
    'cli.import.errorsOutInside':
      '--errors-out {file} nằm trong {path}, thư mục đang được import: lần import sau sẽ đọc nó như một bảng. Hãy ghi nó ở chỗ khác.',
    'cli.import.noReadableFile': '{path} không có tệp nào mà import đọc được (.csv, .txt, .tsv, .xlsx, .ods).',
    'cli.import.nothingToImport': 'Không có gì để import.',
    'cli.import.namesNoTable':
      '{file}: {kind, select, workbook {cả tên tệp lẫn tên tab đều không nêu} other {tên tệp không nêu}} bảng import nào. Hãy cho biết tệp chứa bảng nào: --table NAME, một trong {tables}.',
    'cli.import.everyProblemIn': 'Toàn bộ lỗi ({count, number}) nằm trong {file}.',
    'cli.import.noProblems': 'Không có lỗi: {file} không liệt kê lỗi nào.',
    'cli.import.stopped': 'Import đã dừng: {message}',
    'cli.import.useServer': 'hãy tải tệp lên máy chủ đang chạy: Import trong add-on, hoặc POST {endpoint} (docs/import-export.md)',
    'cli.import.importing': 'Đang import {path} vào {database} với tư cách {actor} ({role}){dryRun, select, yes { (chạy thử: sẽ không ghi gì)} other {}}',

    'cli.export.oneCsvPerTable': '(mỗi bảng một tệp CSV)',
    'cli.export.oneTabPerTable': '(mỗi bảng một tab)',
    'cli.export.detailParts': '(chiến dịch, sản phẩm, creator)',
    'cli.export.formatByExtension': 'Không có --format thì --out kết thúc bằng .xlsx là workbook, còn lại là CSV.',
    'cli.export.tenantHint': 'Thêm --tenant CODE để xuất một tenant khác tenant đầu tiên (npm run tenant -- list).',
    'cli.export.formatMismatch': '--format {format} không khớp với --out {out}: {format, select, xlsx {hãy đặt tên tệp là .xlsx} other {hãy dùng --format xlsx cho tệp .xlsx}}.',
    'cli.export.useServer': 'hãy tải bản xuất từ máy chủ đang chạy: GET {endpoint} hoặc /api/v1/campaigns/export (docs/import-export.md)',
    'cli.export.campaignDone': 'Chiến dịch {code} → {out}',
    'cli.export.rows': '{table}: {count, plural, other {# dòng}} → {path}',
    'cli.export.stopped': 'Việc xuất đã dừng: {message}',

    'cli.seed.loaded':
      'Đã nạp dữ liệu mẫu vào {database}: {brands, number} brand, {creators, number} creator, {campaigns, number} chiến dịch, {bookings, number} booking, {payments, number} khoản thanh toán.',
    'cli.seed.failed': 'Nạp dữ liệu mẫu bị lỗi: {message}',

    'cli.migrate.restartServer': 'hãy khởi động lại nó: máy chủ tự áp dụng các migration còn chờ khi khởi động',
    'cli.migrate.marked': 'Đã ghi nhận {name} là đã áp dụng trong {database} (SQL của nó không được chạy).',
    'cli.migrate.alreadyMarked': '{name} đã được ghi nhận là đã áp dụng trong {database}.',
    'cli.migrate.applied': 'Đã áp dụng {count, number} migration cho {database}:\n{list}',
    'cli.migrate.upToDate': '{database} đã cập nhật: không có migration nào cần áp dụng.',
    'cli.migrate.stopped': 'Migration đã dừng: {message}',
  },
  am: {
    'http.noRoute': 'በዚህ ሰርቨር ላይ {method} {path} የለም።',
    'http.invalidFields': 'አንዳንድ መስኮች ጎድለዋል ወይም ትክክል አይደሉም።',
    'http.tooLarge': 'ጥያቄው በጣም ትልቅ ነው። በአንድ ጊዜ ያነሱ ረድፎችን ይላኩ።',
    'http.notJson': 'የጥያቄው አካል ትክክለኛ JSON አይደለም።',
    'http.unreadable': 'ጥያቄው ሊነበብ አልቻለም።',
    'http.valueNotStorable':
      'በጥያቄው ውስጥ ያለ አንድ እሴት ሊቀመጥ አይችልም፦ NUL ወይም የተበላሸ ፊደል ያለው ጽሑፍ፣ ለዓምዱ በጣም ረጅም የሆነ ጽሑፍ፣ ወይም በጣም ትልቅ ቁጥር። ምንም አልተለወጠም።',
    'http.internal': 'በሰርቨሩ ላይ ችግር ተፈጥሯል። ምንም አልተለወጠም፤ እባክዎ እንደገና ይሞክሩ፣ ችግሩ ከቀጠለም ለቡድኑ ያሳውቁ።',
    'http.problemAtRow': 'ረድፍ {row}፦ {message}',
    'http.unstorableText': 'ጥያቄው ሊቀመጥ አይችልም፦ {problem}።',
    'http.rateLimited': 'በጣም ብዙ ጥያቄዎች፦ በደቂቃ ቢበዛ {limit, number}። ትንሽ ጠብቀው እንደገና ይሞክሩ።',
    'http.busy': 'ሰርቨሩ ሥራ በዝቶበታል፤ ትንሽ ቆይተው እንደገና ይሞክሩ።',
    'http.pushBusy': 'ሰርቨሩ የሌሎች ሰዎችን ለውጦች በመቀበል ሥራ በዝቶበታል፣ ስለዚህ የእርስዎ ገና አልተተገበረም። በቅርቡ በራሱ እንደገና ይላካል፤ ምንም አይጠፋም።',

    'database.alreadyOpenHere': 'ይህ ሂደት የዳታ ፎልደሩን አስቀድሞ ከፍቷል፦ እንደገና ከመክፈትዎ በፊት ይዝጉት።',
    'database.inUseByServer':
      'የBooking Center ሰርቨር ({label}) በዚህ የዳታ ፎልደር ላይ እየሠራ ነው ({where}፣ ከ{since} ጀምሮ{at})። መጀመሪያ ያቁሙት (በመስኮቱ ውስጥ Ctrl+C){instead}። የተካተተ የዳታቤዝ ፎልደርን በአንድ ጊዜ መጠቀም የሚችለው አንድ ሂደት ብቻ ነው።{elsewhere}',
    'database.inUseByCommand':
      '{label} በዚህ የዳታ ፎልደር ላይ እየሠራ ነው ({where}፣ ከ{since} ጀምሮ{at})። እስኪጨርስ ይጠብቁ። የተካተተ የዳታቤዝ ፎልደርን በአንድ ጊዜ መጠቀም የሚችለው አንድ ሂደት ብቻ ነው።{elsewhere}',
    'database.pid': 'pid {pid}',
    'database.pidOnHost': 'pid {pid} በ{host} ላይ',
    'database.atUrl': '፣ በ{url}',
    'database.orInstead': '፣ ወይም {advice}',
    'database.lockOnOtherHost': ' እዚያ ምንም የሚሠራ ነገር ከሌለ {path}ን ሰርዘው እንደገና ይሞክሩ።',
    'database.couldNotOpen': 'ዳታቤዙ ሊከፈት አልቻለም፦ {message}',
    'database.migrationNotFound': 'በprisma/migrations ውስጥ {name} የሚባል ማይግሬሽን የለም።',
    'database.migrationFailed':
      'ዳታቤዙን ማዘመን አልተቻለም፦ ማይግሬሽን {migration} አልተሳካም፦ {message}። ከለውጦቹ አንዱም አልተቀመጠም፤ ከእሱ በፊት ያሉት ማይግሬሽኖች በቦታቸው አሉ። {next}',
    'database.migrationWasInterrupted':
      'ቀደም ባለ ሩጫ ላይ ተቋርጦ ነበር። ያ ሩጫ ለውጦቹን አስቀምጦ ከሆነ (በቀድሞ ስሪት የተዘመነ ዳታቤዝ)፣ እንደተተገበረ በዚህ ይመዝግቡት፦ npm run db:migrate -- --mark-applied {migration}',
    'database.migrationFixThenRerun': 'የእሱ SQL (prisma/migrations/{migration}/migration.sql) ከተስተካከለ በኋላ npm run db:migrate ይተገብረዋል።',
    'database.schemaEngineFailed': 'ዳታቤዙን ማዘመን አልተቻለም፦ {details}{code, select, none {} other { ({code})}}።',
    'database.schemaEngineStopped': 'የschema engine ቆሟል',

    'cli.usage': 'አጠቃቀም፦',
    'cli.langHint': 'የመልእክቶቹን ቋንቋ ለመምረጥ --lang vi|en|am ይጨምሩ (ነባሪ፦ ከLANG፣ ካልሆነ የድርጅቱ)።',
    'cli.langOption': '  --lang vi|en|am        የመልእክቶቹ ቋንቋ (ነባሪ፦ ከLANG፣ ካልሆነ የድርጅቱ)',
    'cli.unknownLanguage': '--lang {given} Booking Center የሚናገረው ቋንቋ አይደለም፦ vi፣ en ወይም am ይስጡ።',
    'cli.langNeedsValue': '--lang ቋንቋ ያስፈልገዋል፦ vi፣ en ወይም am።',
    'cli.noCommand': '“{command}” የሚባል ትዕዛዝ የለም።',

    'cli.import.optionPath': '  PATH (ወይም --path PATH)  የአብነት ፋይሎች ያሉበት ፎልደር፣ ወይም አንድ ፋይል፦ .csv, .txt, .tsv, .xlsx, .ods',
    'cli.import.optionTable': '  --table NAME           የፋይሉ ስም ሰንጠረዥ ሳይጠቅስ ሲቀር ፋይሉ የያዘው ሰንጠረዥ፦ "export (3).csv" --table creators',
    'cli.import.optionFormat': '  --format csv|xlsx      ሁለቱንም ከያዘ ፎልደር የCSV ፋይሎችን ብቻ ወይም የworkbook ፋይሎችን ብቻ ያንብቡ',
    'cli.import.optionCreateMissing': '  --create-missing       ለጎደሉ ብራንዶች፣ ምርቶች፣ የይዘት ፈጣሪዎች፣ ዘመቻዎች ጊዜያዊ መዝገቦችን ይፍጠሩ',
    'cli.import.optionDryRun': '  --dry-run              ሁሉንም ያረጋግጡ፣ ምንም አይጻፉ',
    'cli.import.optionAs': '  --as USERNAME          ረድፎቹ በማን መብት እንደሚረጋገጡ እና የኦዲት መዝገቡ የማንን ስም እንደሚይዝ (ነባሪ፦ የመጀመሪያው አስተዳዳሪ)',
    'cli.import.optionTenant': '  --tenant CODE          ረድፎቹ የየትኛው ድርጅት (የኤጀንሲ ደንበኛ) እንደሆኑ (ነባሪ፦ የመጀመሪያው፤ npm run tenant -- list)',
    'cli.import.optionErrorsOut': '  --errors-out FILE      እያንዳንዱን ችግር በExcel የሚከፈት CSV ወደሆነው FILE ይጻፉ (ተርሚናሉ ለእያንዳንዱ ፋይል የመጀመሪያዎቹን 50 ያሳያል)',
    'cli.import.unknownOption': '{option} የሚባል አማራጭ የለም።',
    'cli.import.sayWhat': 'ምን ማስመጣት እንዳለበት ይግለጹ፦ የአብነት ፋይሎች ያሉበት ፎልደር ወይም አንድ ፋይል።',
    'cli.import.onePath': 'አንድ መንገድ ይስጡ እንጂ {count, number} አይደለም ({paths})፤ ክፍተት ያለበትን መንገድ በትእምርተ ጥቅስ ውስጥ ያድርጉ፦ "export (3).csv"።',
    'cli.import.formatValues': '--format auto፣ csv ወይም xlsx ነው እንጂ “{given}” አይደለም።',
    'cli.import.tableNeedsName': '--table የሰንጠረዥ ስም ያስፈልገዋል፦ ከ{tables} አንዱ።',
    'cli.import.errorsOutFolder': '--errors-out {file}፦ ፎልደሩ {folder} የለም ወይም ሊጻፍበት አይችልም።',
    'cli.import.errorsOutInside':
      '--errors-out {file} በሚመጣው ፎልደር {path} ውስጥ ነው፦ ቀጣዩ ማስመጣት እንደ ሰንጠረዥ ያነበዋል። ሌላ ቦታ ይጻፉት።',
    'cli.import.noReadableFile': '{path} ማስመጣቱ የሚያነበው ምንም ፋይል የለውም (.csv, .txt, .tsv, .xlsx, .ods)።',
    'cli.import.nothingToImport': 'የሚመጣ ምንም ነገር የለም።',
    'cli.import.namesNoTable':
      '{file}፦ {kind, select, workbook {ስሙም ሆነ ሉሆቹ} other {ስሙ}} ምንም የማስመጣት ሰንጠረዥ አይጠቅሱም። የትኛውን ሰንጠረዥ እንደያዘ ይግለጹ፦ --table NAME፣ ከ{tables} አንዱ።',
    'cli.import.everyProblemIn': 'ሁሉም ችግሮች ({count, number}) በ{file} ውስጥ አሉ።',
    'cli.import.noProblems': 'ምንም ችግር የለም፦ {file} ምንም አይዘረዝርም።',
    'cli.import.stopped': 'ማስመጣቱ ቆሟል፦ {message}',
    'cli.import.useServer': 'ይልቁንስ ፋይሉን ወደሚሠራው ሰርቨር ይጫኑ፦ በadd-on ውስጥ Import፣ ወይም POST {endpoint} (docs/import-export.md)',
    'cli.import.importing': '{path}ን ወደ {database} እንደ {actor} ({role}) በማስመጣት ላይ{dryRun, select, yes { (የሙከራ ሩጫ፦ ምንም አይጻፍም)} other {}}',

    'cli.export.oneCsvPerTable': '(ለእያንዳንዱ ሰንጠረዥ አንድ CSV)',
    'cli.export.oneTabPerTable': '(ለእያንዳንዱ ሰንጠረዥ አንድ ሉህ)',
    'cli.export.detailParts': '(ዘመቻ፣ ምርቶች፣ የይዘት ፈጣሪዎች)',
    'cli.export.formatByExtension': 'ያለ --format፣ በ.xlsx የሚያልቅ --out workbook ነው፣ ሌላው ሁሉ CSV ነው።',
    'cli.export.tenantHint': 'ከመጀመሪያው ሌላ ድርጅትን ወደ ውጭ ለመላክ --tenant CODE ይጨምሩ (npm run tenant -- list)።',
    'cli.export.formatMismatch': '--format {format} ከ--out {out} ጋር አይዛመድም፦ {format, select, xlsx {ፋይሉን .xlsx ብለው ይሰይሙት} other {ለ.xlsx ፋይል --format xlsx ይጠቀሙ}}።',
    'cli.export.useServer': 'ይልቁንስ ወደ ውጭ የተላከውን ከሚሠራው ሰርቨር ያውርዱ፦ GET {endpoint} ወይም /api/v1/campaigns/export (docs/import-export.md)',
    'cli.export.campaignDone': 'ዘመቻ {code} → {out}',
    'cli.export.rows': '{table}፦ {count, plural, one {# ረድፍ} other {# ረድፎች}} → {path}',
    'cli.export.stopped': 'ወደ ውጭ መላኩ ቆሟል፦ {message}',

    'cli.seed.loaded':
      'የናሙና ውሂብ ወደ {database} ተጭኗል፦ {brands, number} ብራንዶች፣ {creators, number} የይዘት ፈጣሪዎች፣ {campaigns, number} ዘመቻዎች፣ {bookings, number} ቦኪንጎች፣ {payments, number} ክፍያዎች።',
    'cli.seed.failed': 'የናሙና ውሂብ መጫን አልተሳካም፦ {message}',

    'cli.migrate.restartServer': 'እንደገና ያስጀምሩት፦ ሰርቨሩ ሲጀምር በመጠባበቅ ላይ ያሉ ማይግሬሽኖችን ይተገብራል',
    'cli.migrate.marked': '{name} በ{database} ውስጥ እንደተተገበረ ተመዝግቧል (SQL-ው አልተሄደም)።',
    'cli.migrate.alreadyMarked': '{name} በ{database} ውስጥ እንደተተገበረ አስቀድሞ ተመዝግቧል።',
    'cli.migrate.applied': '{count, number} ማይግሬሽን(ዎች) በ{database} ላይ ተተግብረዋል፦\n{list}',
    'cli.migrate.upToDate': '{database} የተዘመነ ነው፦ የሚተገበር ማይግሬሽን የለም።',
    'cli.migrate.stopped': 'ማይግሬሽኑ ቆሟል፦ {message}',
  },
});
