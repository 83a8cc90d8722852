<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>journal</name>
    <message>
      <location filename="desktop_app/cli/billing_commands.py" line="203" />
      <source>--opening-date goes with --opening AMOUNT, the balance of your last bill.</source>
      <translation>--opening-date указывается вместе с --opening СУММА — балансом из последнего счёта.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="159" />
      <source>A Russian bank's BIC starts with 04; {bic} does not. Compare it with your bill.</source>
      <translation>БИК российского банка начинается с 04, а {bic} — нет. Сверьте его с квитанцией.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="176" />
      <source>A bank's correspondent account starts with 30101; {corr} does not.</source>
      <translation>Корреспондентский счёт банка начинается с 30101, а {corr} — нет.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="140" />
      <source>A date is written as 05.11.2026 or 2026-11-05; got {text!r}.</source>
      <translation>Дата пишется как 05.11.2026 или 2026-11-05; получено {text!r}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="159" />
      <source>A date is written as 20.02.2025 or 2025-02-20; got {text!r}.</source>
      <translation>Дата пишется как 20.02.2025 или 2025-02-20; получено {text!r}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="234" />
      <source>A meter reading cannot be negative; got {item} for {zone}.</source>
      <translation>Показание счётчика не может быть отрицательным; в поле «{zone}» введено {item}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="90" />
      <source>A meter shows {min_digits} to {max_digits} whole digits (before the comma); {value!r} is not that.</source>
      <translation>Счётчик показывает от {min_digits} до {max_digits} целых цифр (до запятой); {value!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/accounts.py" line="72" />
      <source>A new tariff plan starts on a date, with the meter's values on that day: record it as a tariff plan change (account change-plan).</source>
      <translation>Новый тариф начинается с определённого дня, с показаниями счётчика на этот день: нажмите «Сменить тариф…» на вкладке «Лицевой счёт и счётчик».</translation>
    </message>
    <message>
      <location filename="journal/payments.py" line="62" />
      <source>A payment of {value:.2f} ₽ on {paid_on} is already recorded for this account. Record it only if this is a second payment.</source>
      <translation>Оплата {value:.2f} ₽ от {paid_on} по этому счёту уже записана. Записывайте её ещё раз, только если это вторая оплата.</translation>
    </message>
    <message>
      <location filename="journal/periods.py" line="33" />
      <source>A period is written as YYYY-MM, e.g. 2026-03; got {text!r}.</source>
      <translation>Месяц нужно писать так: ГГГГ-ММ, например 2026-03; введено {text!r}.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="69" />
      <source>A period is written as YYYY-MM; got {period!r}.</source>
      <translation>Месяц нужно писать так: ГГГГ-ММ; получено {period!r}.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="63" />
      <source>A price cannot be negative; got {raw}. Enter the price printed on your bill, e.g. 6,95.</source>
      <translation>Цена не может быть отрицательной; введено {raw}. Введите цену из квитанции, например 6,95.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="58" />
      <source>A price has at most 4 decimal places, e.g. 6,95 or 4,1700; got {raw}.</source>
      <translation>В цене может быть не больше 4 цифр после запятой, например 6,95 или 4,1700; введено {raw}.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="67" />
      <source>A price must be a positive Decimal or None; got {price!r}.</source>
      <translation>Цена должна быть положительным числом или не указана; получено {price!r}.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="64" />
      <source>A price must be greater than zero; got {raw}. Enter the price printed on your bill.</source>
      <translation>Цена должна быть больше нуля; введено {raw}. Введите цену из квитанции.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="59" />
      <source>A price of {raw} per kWh is far above any household tariff. Enter the price per kWh printed on your bill, e.g. 6,95.</source>
      <translation>Цена {raw} за кВт·ч намного выше любого тарифа для населения. Введите цену за кВт·ч из квитанции, например 6,95.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="71" />
      <source>A price start date can be at most one year ahead, up to {latest}; got {day}. Check the date on your bill.</source>
      <translation>Дата начала действия цены может быть не больше чем на год вперёд, то есть не позже {latest}; введено {day}. Проверьте дату в квитанции.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="65" />
      <source>A price start date must be {earliest} or later; got {day}.</source>
      <translation>Дата начала действия цены должна быть не раньше {earliest}; введено {day}.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="216" />
      <source>A replaced meter's final reading is part of the replacement and cannot be changed here.</source>
      <translation>Последнее показание заменённого счётчика относится к замене, и изменить его здесь нельзя.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="198" />
      <source>A report is for a year such as 2026; got {year}.</source>
      <translation>Отчёт составляется за год, например за 2026; указано {year}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="214" />
      <source>A single-rate meter has one value: type only the digits before the comma (whole kWh), e.g. 1200; got {text!r}.</source>
      <translation>У однотарифного счётчика одно показание: введите только цифры до запятой (целые кВт·ч), например 1200; введено {text!r}.</translation>
    </message>
    <message>
      <location filename="desktop_app/cli/receipt_commands.py" line="151" />
      <source>A year is written as YYYY, e.g. 2026; got {text!r}.</source>
      <translation>Год записывается четырьмя цифрами, например 2026; введено {text!r}.</translation>
    </message>
    <message>
      <location filename="desktop_app/cli/portal_commands.py" line="180" />
      <source>Accepting a tariff offer needs --from DD.MM.YYYY, the day its prices apply from.</source>
      <translation>Чтобы принять новые цены, укажите --from ДД.ММ.ГГГГ — день, с которого они действуют.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/pull.py" line="78" />
      <source>Account {number}: the invoice {invoice} came without a PDF.</source>
      <translation>Лицевой счёт {number}: счёт {invoice} пришёл без файла PDF.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/sync_run.py" line="95" />
      <source>Account {number}: {problem}</source>
      <translation>Лицевой счёт {number}: {problem}</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="27" />
      <source>An account number is 6 to 14 digits, as printed on the bill; {text!r} is not.</source>
      <translation>Номер лицевого счёта — это от 6 до 14 цифр, как в квитанции; {text!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="72" />
      <source>An amount has at most 2 decimal places (kopecks); got {raw}. Write it like 1 250,50.</source>
      <translation>В сумме может быть не больше 2 цифр копеек; введено {raw}. Пишите так: 1 250,50.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="73" />
      <source>An amount of {raw} is above 10 000 000 ₽; check the figure.</source>
      <translation>Сумма {raw} больше 10 000 000 ₽; проверьте число.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="74" />
      <source>An amount paid cannot be negative; got {raw}. Enter the sum you paid.</source>
      <translation>Оплаченная сумма не может быть отрицательной; введено {raw}. Введите сумму, которую вы заплатили.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="75" />
      <source>An amount paid must be greater than zero; got {raw}.</source>
      <translation>Оплаченная сумма должна быть больше нуля; введено {raw}.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="60" />
      <source>An amount to pay is roubles and kopecks, zero or more; got {amount}.</source>
      <translation>Сумма к оплате — это рубли и копейки, ноль или больше; получено {amount}.</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="272" />
      <source>An estimate needs a day after the installation act ({previous_date}); got {day}.</source>
      <translation>Для примерного расчёта нужна дата позже дня установки счётчика по акту ({previous_date}); указано {day}.</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="266" />
      <source>An estimate needs a day after the reading of {previous_date}; got {day}.</source>
      <translation>Для примерного расчёта нужна дата позже последних показаний ({previous_date}); указано {day}.</translation>
    </message>
    <message>
      <location filename="journal/forecast.py" line="43" />
      <source>An interval must end after it starts; got {start} to {end}.</source>
      <translation>Конец промежутка должен быть позже его начала; указано с {start} по {end}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/lock.py" line="69" />
      <source>Another program is syncing this journal with the portal right now.</source>
      <translation>Прямо сейчас другая программа обменивается данными этого журнала с личным кабинетом.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/lock.py" line="63" />
      <source>Another sync with the portal is running for this journal.</source>
      <translation>Для этого журнала уже идёт обмен данными с личным кабинетом.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/pull.py" line="41" />
      <source>Bills and payments of account {number}</source>
      <translation>Счета и оплаты по лицевому счёту {number}</translation>
    </message>
    <message>
      <location filename="desktop_app/services/sync_service.py" line="127" />
      <source>Both the login and the password are needed.</source>
      <translation>Нужны и логин, и пароль.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="186" />
      <source>Checking whether the reading of {day} arrived</source>
      <translation>Проверяем, дошли ли показания от {day}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/sync.py" line="67" />
      <source>Connecting to the portal</source>
      <translation>Подключаемся к личному кабинету</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/anonymous.py" line="30" />
      <source>Connecting to the portal's public service</source>
      <translation>Подключаемся к общедоступной форме Самараэнерго</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/anonymous.py" line="44" />
      <source>Done</source>
      <translation>Готово</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="70" />
      <source>Enter the amount in roubles, e.g. 1 250,50.</source>
      <translation>Введите сумму в рублях, например 1 250,50.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="81" />
      <source>Enter the opening balance in roubles: positive for a debt, negative for an advance, or 0.</source>
      <translation>Введите начальный баланс в рублях: положительное число — задолженность, отрицательное — аванс (переплата), или 0.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="56" />
      <source>Enter the price per kWh printed on your bill, e.g. 6,95.</source>
      <translation>Введите цену за кВт·ч из квитанции, например 6,95.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="136" />
      <source>Enter the price printed on your bill: {command}</source>
      <translation>Введите цену из квитанции: Журнал → Настройки… → Цены.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="138" />
      <source>If the meter went past {nines} and started again from zero, confirm a rollover; if the meter was replaced, record the replacement; otherwise please check the value.</source>
      <translation>Если счётчик дошёл до {nines} и начал снова с нуля, подтвердите переход через ноль; если счётчик заменили, запишите замену; иначе, пожалуйста, проверьте значение.</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="285" />
      <source>If the meter went past {nines} and started again from zero, confirm a rollover; otherwise please check the value.</source>
      <translation>Если счётчик дошёл до {nines} и начал снова с нуля, подтвердите переход через ноль; иначе, пожалуйста, проверьте значение.</translation>
    </message>
    <message>
      <location filename="journal/exchange.py" line="145" />
      <source>Line 1: the file must start with the header {header} (columns separated by commas, semicolons or tabs).</source>
      <translation>Строка 1: файл должен начинаться с заголовка {header} (столбцы разделены запятыми, точками с запятой или табуляцией).</translation>
    </message>
    <message>
      <location filename="journal/exchange.py" line="282" />
      <source>Line {line}: {reason}</source>
      <translation>Строка {line}: {reason}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/sync.py" line="77" />
      <source>Matching accounts and meters</source>
      <translation>Сопоставляем лицевые счета и счётчики</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="112" />
      <source>Meter Journal could not write to {path}: the disk is full, or it was removed or is failing. Nothing was changed; free some space or check the disk, then try again.</source>
      <translation>«Журнал показаний» не смог записать {path}: диск заполнен, отключён или неисправен. Ничего не изменено; освободите место или проверьте диск и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="76" />
      <source>Meter Journal may not read {path}: the file's permissions forbid it.</source>
      <translation>«Журналу показаний» не разрешено читать {path}: это запрещают права доступа к файлу.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="125" />
      <source>No QR code was found in the picture {shown}. Take a clear photo of the whole bill, straight and in good light, or use the bill's PDF; or type the details from the paper bill.</source>
      <translation>На картинке {shown} не найден QR-код. Сфотографируйте квитанцию целиком, ровно и при хорошем свете, или возьмите PDF-файл счёта — или введите реквизиты вручную с квитанции.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="120" />
      <source>No QR code was found on the pages of {shown}. Use the bill's own PDF, or a clear photo of the paper bill; or type the details from the paper bill.</source>
      <translation>На страницах файла {shown} не найден QR-код. Возьмите сам PDF-файл счёта или чёткое фото бумажной квитанции — или введите реквизиты вручную с квитанции.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/credentials.py" line="134" />
      <source>No portal password is stored for {login}. Enter it (meter-journal portal login --login {login}), or set {password_env} for scripted use.</source>
      <translation>Пароль от личного кабинета для {login} не сохранён. Введите его (meter-journal portal login --login {login}) или задайте {password_env} для запуска из сценариев.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="121" />
      <source>No price is known for {day}, category {category}, plan {plan}, zone {zone}, volume band {band}.</source>
      <translation>Неизвестна цена на {day}: категория «{category}», тариф «{plan}», зона «{zone}», диапазон объёма {band}.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="123" />
      <source>No price is known for {day}, category {category}, plan {plan}, zone {zone}.</source>
      <translation>Неизвестна цена на {day}: категория «{category}», тариф «{plan}», зона «{zone}».</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="343" />
      <source>Nothing to pay for {period}: the payments cover the charges (overpayment {overpaid:.2f} ₽). To print a receipt anyway, give the amount to pay.</source>
      <translation>За {period} платить ничего не нужно: платежи покрывают начисления (переплата {overpaid:.2f} ₽). Чтобы всё равно напечатать квитанцию, укажите сумму к оплате.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="199" />
      <source>Perhaps a digit is missing: please check the reading {value}.</source>
      <translation>Возможно, пропущена цифра: проверьте показание {value}.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="200" />
      <source>Perhaps a digit is wrong: please check the reading {value}.</source>
      <translation>Возможно, ошибка в цифре: проверьте показание {value}.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="197" />
      <source>Perhaps a digit too many: please check the reading {value}.</source>
      <translation>Возможно, лишняя цифра: проверьте показание {value}.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="42" />
      <source>Plan {plan} needs one price; got {count}. Write it like {example}.</source>
      <translation>Для тарифа {plan} нужна одна цена; введено: {count}. Пишите так: {example}.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="45" />
      <source>Plan {plan} needs {count} prices, one per zone ({names}), separated by spaces; got {got}. Write them like {example}.</source>
      <translation>Для тарифа {plan} нужно цен: {count}, по одной на зону ({names}), через пробел; введено: {got}. Пишите так: {example}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/errors.py" line="73" />
      <source>Please enter the password again (registration and password recovery are on the portal's site).</source>
      <translation>Введите пароль ещё раз (зарегистрироваться и восстановить пароль можно на сайте личного кабинета).</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="88" />
      <source>Please fill in the {label}, as printed on your bill.</source>
      <translation>Пожалуйста, заполните поле «{label}», как в квитанции.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="59" />
      <source>Please fill in the {label}.</source>
      <translation>Пожалуйста, заполните поле «{label}».</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="307" />
      <source>Reading history of meter {serial}</source>
      <translation>Получаем историю показаний счётчика {serial}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="177" />
      <source>Reading of {day} for account {account}</source>
      <translation>Показания от {day} по лицевому счёту {account}</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="145" />
      <source>Real payee details are already entered; sample details would replace them. They are kept.</source>
      <translation>Настоящие реквизиты получателя уже введены; реквизиты из образца заменили бы их. Они оставлены без изменений.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="241" />
      <source>SQLite's integrity check found errors in it</source>
      <translation>проверка целостности нашла в нём ошибки</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="249" />
      <source>Sending the reading of {day} for account {account}</source>
      <translation>Отправляем показания от {day} по лицевому счёту {account}</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="182" />
      <source>The BIC {bic} matches neither the settlement account nor the correspondent account: most likely a digit of the BIC is mistyped. Compare the BIC with your bill.</source>
      <translation>БИК {bic} не подходит ни к расчётному, ни к корреспондентскому счёту: скорее всего, в БИК неверно набрана цифра. Сверьте БИК с квитанцией.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="59" />
      <source>The PDF {shown} is damaged or protected by a password: it cannot be opened.</source>
      <translation>PDF-файл {shown} повреждён или защищён паролем: его не открыть.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="114" />
      <source>The QR code in {shown} is not a payment code (GOST R 56042). Choose the bill of Samaraenergo, or type the details from the paper bill.</source>
      <translation>QR-код в файле {shown} — не платёжный (ГОСТ Р 56042). Выберите счёт Самараэнерго или введите реквизиты вручную с квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="70" />
      <source>The QR code is not a payment code (it does not start with ST0001).</source>
      <translation>Этот QR-код — не платёжный (он не начинается с ST0001).</translation>
    </message>
    <message>
      <location filename="journal/exchange.py" line="208" />
      <source>The account number {text} was turned into a rounded number by a spreadsheet. Type the account number as printed on the bill.</source>
      <translation>Номер лицевого счёта {text} электронная таблица превратила в округлённое число. Впишите номер лицевого счёта так, как он напечатан в квитанции.</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="107" />
      <source>The account {number} already has a meter; to change it, record a replacement (meter replace).</source>
      <translation>У лицевого счёта {number} уже есть счётчик; чтобы сменить его, нажмите «Замена счётчика…» на вкладке «Лицевой счёт и счётчик».</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="221" />
      <source>The account {number} already has this tariff plan; choose another one.</source>
      <translation>У лицевого счёта {number} уже этот тариф; выберите другой.</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="55" />
      <source>The account {number} has no meter yet. Add it from its installation act (meter add).</source>
      <translation>У лицевого счёта {number} ещё нет счётчика. Добавьте его по акту установки.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="68" />
      <source>The account {number} has no meter {serial}.</source>
      <translation>У лицевого счёта {number} нет счётчика {serial}.</translation>
    </message>
    <message>
      <location filename="journal/accounts.py" line="46" />
      <source>The account {number} is already in the journal.</source>
      <translation>Лицевой счёт {number} уже есть в журнале.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/matching.py" line="69" />
      <source>The account {number} is not among the portal's accounts for this login.</source>
      <translation>Лицевого счёта {number} нет среди лицевых счетов в личном кабинете с этим логином.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="101" />
      <source>The act already has these values; nothing to correct.</source>
      <translation>В акте уже эти данные; исправлять нечего.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="125" />
      <source>The act's value {act} for {zone} is above the first reading of {day}, {value}, which is not a rollover. Check the act's value, or correct that reading first.</source>
      <translation>Показание {act} в акте ({zone}) больше первого показания от {day} — {value}, а оно не отмечено как переход через ноль. Проверьте число в акте или сначала исправьте это показание.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="35" />
      <source>The argument {argument!r} could be read two ways, as one price with a decimal comma or as prices separated by commas. Plan {plan} needs {count} prices, one per zone ({names}), separated by spaces, e.g. {example}.</source>
      <translation>{argument!r} можно понять двояко: как одну цену с копейками после запятой или как несколько цен через запятую. Для тарифа {plan} нужно цен: {count}, по одной на зону ({names}), через пробел, например {example}.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="263" />
      <source>The bank details of the payee ({name}) are not entered yet, so a receipt cannot be printed. Enter them once from your paper bill: name, INN, KPP, settlement account, bank, BIC and correspondent account (payee set).</source>
      <translation>Банковские реквизиты получателя ({name}) ещё не введены, поэтому квитанцию напечатать нельзя. Введите их один раз из бумажной квитанции: название, ИНН, КПП, расчётный счёт, банк, БИК и корреспондентский счёт (Документы → Банковские реквизиты получателя…).</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="156" />
      <source>The bank's BIC is 9 digits; {text!r} is not.</source>
      <translation>БИК банка — это 9 цифр; {text!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="52" />
      <source>The bill's payment code does not hold the bank's BIC, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет БИК банка, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="48" />
      <source>The bill's payment code does not hold the bank's name, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет названия банка, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="56" />
      <source>The bill's payment code does not hold the correspondent account, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет корреспондентского счёта, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="36" />
      <source>The bill's payment code does not hold the payee's INN, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет ИНН получателя, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="40" />
      <source>The bill's payment code does not hold the payee's KPP, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет КПП получателя, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="32" />
      <source>The bill's payment code does not hold the payee's name, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет названия получателя, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="44" />
      <source>The bill's payment code does not hold the settlement account, so its details cannot be taken from it. Type them from the paper bill instead.</source>
      <translation>В платёжном QR-коде счёта нет расчётного счёта, поэтому реквизиты из него не взять. Введите их вручную с бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="105" />
      <source>The bill's payment code holds details that fail the bank's checks: {reason} Nothing was stored.</source>
      <translation>Реквизиты в платёжном QR-коде счёта не прошли банковскую проверку: {reason} Ничего не сохранено.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="66" />
      <source>The calculator address {url} is not a web address; give one like {example}.</source>
      <translation>Адрес калькулятора {url} — не адрес сайта; укажите адрес вроде {example}.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="74" />
      <source>The calculator address {url} is not protected (http://): prices read over it could be altered on the way. Use the https:// address; plain http:// is allowed only for this computer (127.0.0.1, ::1, localhost).</source>
      <translation>Адрес калькулятора {url} не защищён (http://): цены по пути могли бы подменить. Укажите адрес https://; простой http:// разрешён только для этого компьютера (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="287" />
      <source>The charge of {period} is already in the opening balance you entered, so the journal cannot count what is owed for that month. Give the amount to pay from your paper bill.</source>
      <translation>Начисление за {period} уже входит во введённый начальный баланс, поэтому журнал не может посчитать долг за тот месяц. Укажите сумму к оплате из бумажного счёта.</translation>
    </message>
    <message>
      <location filename="journal/charges.py" line="88" />
      <source>The consumption of zone {zone} is missing.</source>
      <translation>Не указан расход по зоне {zone}.</translation>
    </message>
    <message>
      <location filename="journal/charges.py" line="92" />
      <source>The consumption of zone {zone} must be a whole number of kWh, zero or more; got {kwh!r}.</source>
      <translation>Расход по зоне {zone} должен быть целым числом кВт·ч, ноль или больше; получено {kwh!r}.</translation>
    </message>
    <message>
      <location filename="journal/charges.py" line="116" />
      <source>The consumption of {kwh} kWh is above the {limit} kWh monthly limit of volume band {band}, and band {unknown} prices are unknown: the kWh above {limit} are priced at band {priced_at} prices, so the amount is a lower bound. Check it against your bill.</source>
      <translation>Расход {kwh} кВт·ч больше месячного предела {limit} кВт·ч для диапазона {band}, а цены диапазона {unknown} неизвестны: киловатт-часы сверх {limit} посчитаны по ценам диапазона {priced_at}, поэтому сумма — не меньше указанной. Сверьте её со счётом.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="151" />
      <source>The copy {path} is damaged ({detail}). Nothing was changed; choose another copy.</source>
      <translation>Копия {path} повреждена ({detail}). Ничего не изменено; выберите другую копию.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="176" />
      <source>The copy {path} was made by a newer version of Meter Journal. Nothing was changed; install the newer version to restore it.</source>
      <translation>Копия {path} сделана более новой версией «Журнала показаний». Ничего не изменено; чтобы восстановить её, установите новую версию.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="201" />
      <source>The correspondent account {corr} does not match the BIC {bic}: a digit of the correspondent account (or the BIC's 5th–6th digit) is mistyped. Compare both with your bill.</source>
      <translation>Корреспондентский счёт {corr} не подходит к БИК {bic}: неверно набрана цифра корреспондентского счёта (или 5-я–6-я цифра БИК). Сверьте оба номера с квитанцией.</translation>
    </message>
    <message>
      <location filename="journal/charges.py" line="136" />
      <source>The current reading's date {current} must be after the previous reading's date {previous}.</source>
      <translation>Дата новых показаний {current} должна быть позже даты предыдущих показаний {previous}.</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="291" />
      <source>The data folder {folder} cannot be created: the folder it belongs in is read-only. Choose another data folder.</source>
      <translation>Не удаётся создать папку с данными {folder}: папка, в которой она должна быть, доступна только для чтения. Выберите другую папку с данными.</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="297" />
      <source>The data folder {folder} cannot be created: {strerror}.</source>
      <translation>Не удаётся создать папку с данными {folder}: {strerror}.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="226" />
      <source>The data folder {folder} is read-only: Meter Journal cannot keep its journal there. Allow writing to the folder or choose another data folder; nothing was changed.</source>
      <translation>Папка с данными {folder} доступна только для чтения: «Журнал показаний» не может хранить в ней журнал. Разрешите запись в эту папку или выберите другую папку с данными; ничего не изменено.</translation>
    </message>
    <message>
      <location filename="journal/payments.py" line="43" />
      <source>The date {day} is before {earliest}; check it.</source>
      <translation>Дата {day} раньше {earliest}; проверьте её.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="183" />
      <source>The date {day} is in the future.</source>
      <translation>Дата {day} ещё не наступила.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="101" />
      <source>The date {taken_on} is not after the meter's installation on {installed_on}; the installation act already gives that day's values.</source>
      <translation>Дата {taken_on} не позже дня установки счётчика {installed_on}; показания на этот день уже есть в акте установки.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="301" />
      <source>The end date {through} must be after the start date {after}.</source>
      <translation>Дата окончания {through} должна быть позже даты начала {after}.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="79" />
      <source>The file name {name} is too long. Choose a shorter name (at most 255 characters) and try again.</source>
      <translation>Имя файла {name} слишком длинное. Выберите имя короче (не больше 255 знаков) и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="journal/exchange.py" line="95" />
      <source>The file {name} is not a table of readings: it is not text in UTF-8, UTF-16 or Windows-1251. Choose a CSV file saved by Meter Journal or by a spreadsheet (Excel, LibreOffice).</source>
      <translation>Файл {name} — не таблица показаний: это не текст в кодировке UTF-8, UTF-16 или Windows-1251. Выберите файл CSV, сохранённый «Журналом показаний» или электронной таблицей (Excel, LibreOffice).</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="120" />
      <source>The file {path} cannot be opened: its folder is missing or read-only, or another program does not let Meter Journal use it.</source>
      <translation>Файл {path} не удаётся открыть: его папки нет или она доступна только для чтения, либо другая программа не даёт «Журналу показаний» с ним работать.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="47" />
      <source>The file {path} cannot be read: access is denied.</source>
      <translation>Файл {path} не прочитать: нет доступа.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="49" />
      <source>The file {path} cannot be read: {reason}.</source>
      <translation>Файл {path} не прочитать: {reason}.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="37" />
      <source>The file {path} does not exist. Choose the bill's PDF or a photo of it.</source>
      <translation>Файла {path} нет. Выберите PDF-файл счёта или его фото.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="166" />
      <source>The file {path} is a database of another program, not a Meter Journal. It was left untouched.</source>
      <translation>Файл {path} — это база данных другой программы, а не «Журнала показаний». Файл оставлен без изменений.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="104" />
      <source>The file {path} is empty (0 bytes): it is not a copy of a journal. Nothing was changed; choose another copy.</source>
      <translation>Файл {path} пуст (0 байт): это не копия журнала. Ничего не изменено; выберите другую копию.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="123" />
      <source>The file {path} is not a Meter Journal or a copy of one. Nothing was changed; choose another copy.</source>
      <translation>Файл {path} — не «Журнал показаний» и не его копия. Ничего не изменено; выберите другую копию.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="141" />
      <source>The file {path} is not a Meter Journal: it is not a database at all, or it is damaged. It was left untouched; restore a backup copy or choose another data folder.</source>
      <translation>Файл {path} — не «Журнал показаний»: это вообще не база данных, или файл повреждён. Файл оставлен без изменений; восстановите резервную копию или выберите другую папку с данными.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="99" />
      <source>The file {shown} is not a PDF, PNG or JPEG picture. Choose the bill's PDF, or a scan or photo of the paper bill.</source>
      <translation>Файл {shown} — не PDF и не картинка PNG или JPEG. Выберите PDF-файл счёта или скан либо фото бумажной квитанции.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="44" />
      <source>The file {shown} is too large for a bill (over 50 MB).</source>
      <translation>Файл {shown} слишком большой для счёта (больше 50 МБ).</translation>
    </message>
    <message>
      <location filename="desktop_app/services/journal_service.py" line="256" />
      <source>The file {source} is too large to be a table of readings.</source>
      <translation>Файл {source} слишком велик для таблицы показаний.</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="141" />
      <source>The file {target} exists and is not a copy of a Meter Journal, so it was not overwritten. Choose another name for the copy.</source>
      <translation>Файл {target} уже есть, и это не копия «Журнала показаний», поэтому он не перезаписан. Выберите для копии другое имя.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="269" />
      <source>The journal changed in the meantime; nothing was undone. Please try again.</source>
      <translation>Журнал тем временем изменился; ничего не отменено. Попробуйте ещё раз.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="287" />
      <source>The journal could not be upgraded: {reason}</source>
      <translation>Журнал не удалось обновить: {reason}</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="130" />
      <source>The journal file {path} holds no journal: it is an empty database. It was left untouched; restore a backup copy, or delete the file to start a new journal.</source>
      <translation>В файле журнала {path} нет журнала: это пустая база данных. Файл оставлен без изменений; восстановите резервную копию или удалите этот файл, чтобы начать новый журнал.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="128" />
      <source>The journal file {path} is damaged ({detail}). It was left untouched; restore a backup copy.</source>
      <translation>Файл журнала {path} повреждён ({detail}). Файл оставлен без изменений; восстановите резервную копию.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="111" />
      <source>The journal file {path} is empty (0 bytes): the readings are not in it, perhaps after a full disk or an interrupted copy. It was left untouched; restore a backup copy, or delete the empty file to start a new journal.</source>
      <translation>Файл журнала {path} пуст (0 байт): показаний в нём нет — возможно, диск был переполнен или копирование прервалось. Файл оставлен без изменений; восстановите резервную копию или удалите пустой файл, чтобы начать новый журнал.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="104" />
      <source>The journal file {path} is read-only, so nothing can be saved in it. Allow writing to the file and its folder, or copy the data folder to a place where you may write. Nothing was changed.</source>
      <translation>Файл журнала {path} доступен только для чтения, поэтому в нём ничего нельзя сохранить. Разрешите запись в файл и его папку или скопируйте папку с данными туда, где запись разрешена. Ничего не изменено.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="218" />
      <source>The journal file {path} is read-only, so nothing can be saved in it. Allow writing to the file, or copy the data folder to a place where you may write. It was left untouched.</source>
      <translation>Файл журнала {path} доступен только для чтения, поэтому в нём ничего нельзя сохранить. Разрешите запись в файл или скопируйте папку с данными туда, где запись разрешена. Файл оставлен без изменений.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="183" />
      <source>The journal file {path} was written by a newer version of Meter Journal. Install the newer version to open it; the file was left untouched.</source>
      <translation>Файл журнала {path} записан более новой версией «Журнала показаний». Чтобы открыть его, установите новую версию; файл оставлен без изменений.</translation>
    </message>
    <message>
      <location filename="journal/storage/busy.py" line="99" />
      <source>The journal {journal} is busy: another Meter Journal window or command, or another program, is writing to it. Nothing was changed; wait a little, then try again.</source>
      <translation>Журнал {journal} занят: в него сейчас записывает другое окно или команда «Журнала показаний» либо другая программа. Ничего не изменено; подождите немного и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="journal/storage/busy.py" line="119" />
      <source>The journal {journal} is busy: the Meter Journal window (process {pid}) has been writing to it since {since}. Nothing was changed; wait until it finishes, then try again.</source>
      <translation>Журнал {journal} занят: окно «Журнала показаний» (процесс {pid}) записывает в него с {since}. Ничего не изменено; дождитесь, пока оно закончит, и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="journal/storage/busy.py" line="109" />
      <source>The journal {journal} is busy: the command «meter-journal {command}» (process {pid}) has been writing to it since {since}. Nothing was changed; wait until it finishes, then try again.</source>
      <translation>Журнал {journal} занят: команда «meter-journal {command}» (процесс {pid}) записывает в него с {since}. Ничего не изменено; дождитесь, пока она закончит, и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/credentials.py" line="93" />
      <source>The keyring refused to store the password ({kind}).</source>
      <translation>Хранилище паролей (keyring) не смогло сохранить пароль ({kind}).</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="272" />
      <source>The last change is a meter replacement, which cannot be undone here.</source>
      <translation>Последнее изменение — замена счётчика, а её здесь отменить нельзя.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="274" />
      <source>The last change is a tariff plan change, which cannot be undone here.</source>
      <translation>Последнее изменение — смена тарифа, а её здесь отменить нельзя.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="251" />
      <source>The meter has {digit_count} digits before the comma, but {item} for {zone} has more. Leave out the digits after the comma (often red).</source>
      <translation>Цифр до запятой у счётчика: {digit_count}, а в {item} (поле «{zone}») их больше. Не пишите цифры после запятой (обычно они красные).</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="109" />
      <source>The meter record starts on {day}, the day the previous one ended (a meter replacement or a tariff plan change); that day cannot be changed here.</source>
      <translation>Эта запись о счётчике начинается {day}, в день, когда закончилась предыдущая (замена счётчика или смена тарифа); этот день здесь не изменить.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="171" />
      <source>The meter {serial} of the account {account} is not among the portal's devices; check its serial number against the bill.</source>
      <translation>Счётчика {serial} лицевого счёта {account} нет среди приборов учёта в личном кабинете; сверьте его заводской номер с квитанцией.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="91" />
      <source>The meter {serial} was replaced on {removed_on}; a reading after that belongs to the new meter.</source>
      <translation>Счётчик {serial} заменён {removed_on}; показания после этой даты относятся к новому счётчику.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="116" />
      <source>The meter's first reading is of {day} ({values}); the installation must be before that day.</source>
      <translation>Первое показание счётчика — от {day} ({values}); дата установки должна быть раньше этого дня.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="104" />
      <source>The meter's serial number {text!r} is not valid.</source>
      <translation>Заводской номер счётчика {text!r} указан неверно.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="137" />
      <source>The meter's values of {day} ({values}) have more than {digits} digits before the comma.</source>
      <translation>В показаниях счётчика от {day} ({values}) больше {digits} цифр до запятой.</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="135" />
      <source>The new meter must be installed after the old meter's last reading or installation ({previous_date}).</source>
      <translation>Новый счётчик должен быть установлен позже последних показаний или установки старого счётчика ({previous_date}).</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="140" />
      <source>The new plan must start after the meter's last reading or installation ({previous_date}).</source>
      <translation>Новый тариф должен начинаться позже последних показаний или установки счётчика ({previous_date}).</translation>
    </message>
    <message>
      <location filename="journal/payments.py" line="58" />
      <source>The note is too long (at most {limit} characters).</source>
      <translation>Примечание слишком длинное (можно не больше {limit} символов).</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="113" />
      <source>The number {raw!r} has more than one comma, and they do not separate thousands. Write one comma before the decimals, e.g. {example}.</source>
      <translation>В {raw!r} больше одной запятой, и они не отделяют тысячи. Поставьте одну запятую перед копейками, например {example}.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="119" />
      <source>The number {raw!r} has more than one point, and they do not separate thousands. Write one comma before the decimals, e.g. {example}.</source>
      <translation>В {raw!r} больше одной точки, и они не отделяют тысячи. Поставьте одну запятую перед копейками, например {example}.</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="152" />
      <source>The old meter's final value {after} for {zone} is below its previous reading {before}. Confirm a rollover if its drum went past all nines, or check the value.</source>
      <translation>Последнее значение старого счётчика {after} в поле «{zone}» меньше его предыдущего показания {before}. Если счётчик дошёл до всех девяток и начал снова с нуля, подтвердите переход через ноль; иначе проверьте значение.</translation>
    </message>
    <message>
      <location filename="journal/meters.py" line="159" />
      <source>The old plan's final value {after} for {zone} is below the previous reading {before}. Confirm a rollover if the meter went past all nines, or check the value.</source>
      <translation>Показание по старому тарифу {after} в поле «{zone}» меньше предыдущего показания {before}. Если счётчик дошёл до всех девяток и начал снова с нуля, подтвердите переход через ноль; иначе проверьте значение.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="223" />
      <source>The outcome of the reading of {day} is not known yet; it is checked from {moment} on</source>
      <translation>Пока неизвестно, дошли ли показания от {day}; это будет проверено с {moment}</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="122" />
      <source>The payee's INN is 10 digits for an organisation (12 for a person); {text!r} is not.</source>
      <translation>ИНН получателя — это 10 цифр для организации (12 для частного лица); {text!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="131" />
      <source>The payee's INN {inn} fails its check digit: a digit is mistyped. Compare it with your bill.</source>
      <translation>ИНН получателя {inn} не проходит проверку: неверно набрана цифра. Сверьте его с квитанцией.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="144" />
      <source>The payee's KPP is 9 characters, digits (the 5th and 6th may be Latin letters A–Z); {text!r} is not.</source>
      <translation>КПП получателя — это 9 знаков, цифры (5-й и 6-й могут быть латинскими буквами A–Z); {text!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="105" />
      <source>The payment QR code needs the payee's {key}.</source>
      <translation>Для QR-кода оплаты не хватает реквизита получателя: {key}.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="74" />
      <source>The payment code's text cannot be read in the encoding its header names.</source>
      <translation>Текст платёжного QR-кода не читается в кодировке, указанной в его начале.</translation>
    </message>
    <message>
      <location filename="journal/forecast.py" line="88" />
      <source>The period end {end} must not be before the last reading's date {day}.</source>
      <translation>Конец периода {end} не может быть раньше даты последних показаний {day}.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="84" />
      <source>The picture {shown} is damaged or too large: it cannot be opened.</source>
      <translation>Картинка {shown} повреждена или слишком большая: её не открыть.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/address.py" line="52" />
      <source>The portal address {shown} is not a web address; give one like {example}.</source>
      <translation>Адрес личного кабинета {shown} — не адрес сайта; укажите адрес вида {example}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/address.py" line="56" />
      <source>The portal address {shown} is not protected (http://): the password would travel over the network unencrypted. Use the https:// address; plain http:// is allowed only for this computer (127.0.0.1, ::1, localhost).</source>
      <translation>Адрес личного кабинета {shown} не защищён (http://): пароль ушёл бы по сети незашифрованным. Укажите адрес с https://; http:// допускается только для этого компьютера (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="75" />
      <source>The portal already has a later reading ({later}, {zone}: {previous}) than this one of {day}; it was not sent.</source>
      <translation>В личном кабинете уже есть более поздние показания ({later}, {zone}: {previous}), чем эти от {day}; они не отправлены.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="79" />
      <source>The portal already has a reading of {day} ({zone}: {previous}, yours {value}); a correction cannot be sent twice for a day: {hint}.</source>
      <translation>В личном кабинете уже есть показания от {day} ({zone}: {previous}, у вас {value}); исправление за тот же день второй раз отправить нельзя: {hint}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="291" />
      <source>The portal answered the reading with a redirect ({status}) instead of storing it. {unconfirmed}</source>
      <translation>Вместо подтверждения личный кабинет ответил перенаправлением ({status}). {unconfirmed}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="244" />
      <source>The portal answered with an error ({status}).</source>
      <translation>Личный кабинет ответил ошибкой ({status}).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="243" />
      <source>The portal answered with an error ({status}): {said}.</source>
      <translation>Личный кабинет ответил ошибкой ({status}): {said}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="196" />
      <source>The portal answers too slowly; the readings stay queued.</source>
      <translation>Личный кабинет отвечает слишком медленно; показания ждут отправки.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="209" />
      <source>The portal cannot be reached ({kind}); the readings stay queued.</source>
      <translation>Нет связи с личным кабинетом ({kind}); показания ждут отправки.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/errors.py" line="74" />
      <source>The portal did not accept the login and password of {login}.</source>
      <translation>Личный кабинет не принял логин и пароль для {login}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/errors.py" line="75" />
      <source>The portal did not accept the login and password.</source>
      <translation>Личный кабинет не принял логин и пароль.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="221" />
      <source>The portal did not answer in time or the connection was lost ({kind}).</source>
      <translation>Личный кабинет не ответил вовремя, или связь прервалась ({kind}).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="216" />
      <source>The portal did not answer in time or the connection was lost ({kind}). {unconfirmed}</source>
      <translation>Личный кабинет не ответил вовремя или связь прервалась ({kind}). {unconfirmed}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="281" />
      <source>The portal gave no CSRF token; writes are not possible now.</source>
      <translation>Личный кабинет не выдал ключ защиты (CSRF); сейчас отправить данные нельзя.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="251" />
      <source>The portal refused the request ({status}).</source>
      <translation>Личный кабинет отклонил запрос ({status}).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="326" />
      <source>The portal refused the security token twice; nothing was sent.</source>
      <translation>Личный кабинет дважды отклонил ключ защиты; ничего не отправлено.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="329" />
      <source>The portal refused the security token; nothing was sent.</source>
      <translation>Личный кабинет отклонил ключ защиты; ничего не отправлено.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/sync.py" line="73" />
      <source>The portal says this password is blocked; restore it on the portal's site.</source>
      <translation>Личный кабинет сообщает, что этот пароль заблокирован; восстановите его на сайте личного кабинета.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="189" />
      <source>The portal's answer came too slowly and was cut off. {unconfirmed}</source>
      <translation>Ответ личного кабинета шёл слишком медленно и был прерван. {unconfirmed}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="265" />
      <source>The portal's answer has an unexpected form.</source>
      <translation>Ответ личного кабинета пришёл в неожиданном виде.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="263" />
      <source>The portal's answer is not JSON; is the portal address right?</source>
      <translation>Ответ личного кабинета не в формате JSON; правильно ли указан адрес личного кабинета?</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="303" />
      <source>The portal's answer was not the stored reading (an empty answer or another page, perhaps from a proxy). {unconfirmed}</source>
      <translation>В ответе личного кабинета нет принятых показаний (пустой ответ или чужая страница, возможно от прокси-сервера). {unconfirmed}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/zones.py" line="59" />
      <source>The portal's meter has {registers} register(s) ({names}) but the account's plan is {plan} with {zones} zone(s). If the supplier changed the plan, record the plan change (account change-plan); otherwise check the account's tariff plan against your bill.</source>
      <translation>У счётчика в личном кабинете шкал: {registers} ({names}), а тариф лицевого счёта в журнале — «{plan}», зон: {zones}. Если поставщик сменил тариф, запишите смену тарифа (вкладка «Лицевой счёт и счётчик» → «Сменить тариф…»); иначе сверьте тариф с квитанцией.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/zones.py" line="75" />
      <source>The portal's registers ({names}) cannot be matched to the zones of a {plan} plan by their names. Submit this reading on the portal's site or by phone.</source>
      <translation>Шкалы счётчика в личном кабинете ({names}) не удаётся сопоставить по названиям с зонами тарифа {plan}. Передайте эти показания на сайте личного кабинета или по телефону.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="358" />
      <source>The price table {name} does not have the columns {columns}. Reinstall Meter Journal or restore the file.</source>
      <translation>В таблице цен {name} нет столбцов {columns}. Переустановите «Журнал показаний» или восстановите файл.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="381" />
      <source>The price table {name} is damaged at line {line}: {reason}. Reinstall Meter Journal or restore the file.</source>
      <translation>Таблица цен {name} повреждена в строке {line}: {reason}. Переустановите «Журнал показаний» или восстановите файл.</translation>
    </message>
    <message>
      <location filename="desktop_app/printing.py" line="53" />
      <source>The printer did not accept the receipt: {reason}.</source>
      <translation>Принтер не принял квитанцию: {reason}.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="144" />
      <source>The reading of {day} ({values}) has more than {digits} digits before the comma.</source>
      <translation>В показании от {day} ({values}) больше {digits} цифр до запятой.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="107" />
      <source>The reading of {day} for the account {account} ({values})</source>
      <translation>Показания от {day} по лицевому счёту {account} ({values})</translation>
    </message>
    <message>
      <location filename="journal/outbox.py" line="398" />
      <source>The reading of {day} for the account {account} has not reached the supplier yet, and readings are taken until the 25th. Send it by SMS to {sms_number}: {sms} (from the phone bound to the account), or call {phone} (free) and dictate the account number and the readings.</source>
      <translation>Показания от {day} по лицевому счёту {account} ещё не дошли до Самараэнерго, а показания принимаются до 25-го числа. Отправьте их SMS на номер {sms_number}: {sms} (с телефона, привязанного к лицевому счёту) или позвоните по номеру {phone} (звонок бесплатный) и продиктуйте номер лицевого счёта и показания.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="72" />
      <source>The reading of {day} went to the supplier's portal with the meter number {serial}; the portal knows the meter by it, so the number cannot be changed here. If it is really wrong, call the supplier.</source>
      <translation>Показание от {day} ушло в личный кабинет поставщика с номером счётчика {serial}; там счётчик известен под этим номером, поэтому здесь номер не изменить. Если он действительно неверен, позвоните поставщику.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="232" />
      <source>The request to the portal failed ({kind}).</source>
      <translation>Запрос к личному кабинету не удался ({kind}).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="227" />
      <source>The request to the portal failed ({kind}). {unconfirmed}</source>
      <translation>Запрос к личному кабинету не удался ({kind}). {unconfirmed}</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="182" />
      <source>The request to the supplier's calculator failed ({kind}).</source>
      <translation>Запрос к калькулятору поставщика не удался ({kind}).</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="151" />
      <source>The restore was stopped: the journal is as it was.</source>
      <translation>Восстановление остановлено: журнал остался прежним.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="191" />
      <source>The settlement account {account} fails its control key with the BIC {bic}: a digit of the account is mistyped. Compare it with your bill.</source>
      <translation>Расчётный счёт {account} не проходит проверку вместе с БИК {bic}: в номере счёта неверно набрана цифра. Сверьте его с квитанцией.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="274" />
      <source>The stored payee details are wrong, so a receipt cannot be printed: {reason} Correct them from your paper bill (payee set).</source>
      <translation>В сохранённых реквизитах получателя ошибка, поэтому квитанцию напечатать нельзя: {reason} Исправьте их по бумажной квитанции (Документы → Банковские реквизиты получателя…).</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="297" />
      <source>The sum to pay cannot be counted: the charge of {periods} is unknown (its price is missing). Enter that price (tariff set, or Settings → Prices), or give the amount to pay from your paper bill.</source>
      <translation>Сумму к оплате посчитать нельзя: начисление за {periods} неизвестно (не хватает цены). Введите эту цену (Журнал → Настройки… → Цены) или укажите сумму к оплате из бумажного счёта.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="110" />
      <source>The supplier's calculator answered with an error ({status}).</source>
      <translation>Калькулятор поставщика ответил ошибкой ({status}).</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="170" />
      <source>The supplier's calculator cannot be reached ({kind}): no connection to its site.</source>
      <translation>Калькулятор поставщика недоступен ({kind}): нет связи с его сайтом.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="176" />
      <source>The supplier's calculator did not answer in time ({kind}).</source>
      <translation>Калькулятор поставщика не ответил вовремя ({kind}).</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="130" />
      <source>The supplier's calculator gave a cost that is not a number: {cost!r}.</source>
      <translation>Калькулятор поставщика вернул стоимость, которая не число: {cost!r}.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="135" />
      <source>The supplier's calculator gave an impossible cost: {cost}.</source>
      <translation>Калькулятор поставщика вернул невозможную стоимость: {cost}.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="118" />
      <source>The supplier's calculator sent a web page instead of a price: its site may have changed or be busy.</source>
      <translation>Калькулятор поставщика прислал веб-страницу вместо цены: возможно, сайт изменился или перегружен.</translation>
    </message>
    <message>
      <location filename="desktop_app/price_calculator.py" line="121" />
      <source>The supplier's calculator sent something else instead of a price: its site may have changed or be busy.</source>
      <translation>Калькулятор поставщика прислал что-то другое вместо цены: возможно, сайт изменился или перегружен.</translation>
    </message>
    <message>
      <location filename="journal/meter_acts.py" line="78" />
      <source>The supplier's portal has the meter with the number {serial}, so the number is right and cannot be changed here.</source>
      <translation>В личном кабинете поставщика счётчик записан с номером {serial}, значит номер верный и здесь его не изменить.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/errors.py" line="14" />
      <source>The sync reached its time limit and stopped: the portal answers too slowly. Nothing is lost; what is left waits for the next sync.</source>
      <translation>Обмен с личным кабинетом остановлен по истечении отведённого времени: кабинет отвечает слишком медленно. Ничего не потеряно; остальное будет сделано при следующем обмене.</translation>
    </message>
    <message>
      <location filename="journal/tariff_offers.py" line="89" />
      <source>The tariff offer {offer} was already {status}.</source>
      <translation>Предложение о смене тарифа {offer} уже рассмотрено (состояние: {status}).</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="83" />
      <source>The tariff plan changed on {removed_on}; that day's values are in the plan change, so a reading must be dated after it.</source>
      <translation>Тариф сменился {removed_on}; показания этого дня записаны при смене тарифа, поэтому новые показания должны быть позже этого дня.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="57" />
      <source>The text {raw!r} is not a price. Write the price per kWh in roubles, e.g. 6,95.</source>
      <translation>{raw!r} — это не цена. Напишите цену за кВт·ч в рублях, например 6,95.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="71" />
      <source>The text {raw!r} is not an amount. Write roubles and kopecks, e.g. 1 250,50.</source>
      <translation>{raw!r} — это не сумма. Напишите рубли и копейки, например 1 250,50.</translation>
    </message>
    <message>
      <location filename="journal/amounts.py" line="100" />
      <source>The text {raw!r} mixes points and commas in a way that is not one number. Write it like {example}.</source>
      <translation>В {raw!r} точки и запятые стоят так, что это не одно число. Пишите так: {example}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="229" />
      <source>The value for {zone} is missing: type the digits before the comma.</source>
      <translation>Поле «{zone}» не заполнено: введите цифры до запятой.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="191" />
      <source>The verification year {value} is not plausible.</source>
      <translation>Год поверки {value} указан неправдоподобно; проверьте его.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="198" />
      <source>The zones cannot be matched to the portal's registers.</source>
      <translation>Зоны не удаётся сопоставить со шкалами счётчика в личном кабинете.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="46" />
      <source>The {label} contains an invisible control character ({code}), perhaps pasted with it. Type it again without it.</source>
      <translation>В поле «{label}» есть невидимый управляющий символ ({code}) — возможно, он попал туда при вставке. Впишите текст заново без него.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="167" />
      <source>The {label} is 20 digits; {text!r} is not.</source>
      <translation>В поле «{label}» должно быть 20 цифр; {text!r} не подходит.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="61" />
      <source>The {label} is too long (at most {limit} characters).</source>
      <translation>Поле «{label}» слишком длинное (можно не больше {limit} символов).</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="90" />
      <source>The {label} is too long: at most {limit} characters, got {length}.</source>
      <translation>Поле «{label}» слишком длинное: можно не больше {limit} символов, введено {length}.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="127" />
      <source>There is already a reading dated {taken_on} for this meter; edit it instead.</source>
      <translation>Для этого счётчика уже есть показания от {taken_on}; исправьте их вместо этого.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="137" />
      <source>There is already a reading for {period} (dated {day}: {values}). Replace it with the new one? The old one stays in the history.</source>
      <translation>За {period} уже есть показания (от {day}: {values}). Заменить их новыми? Старые останутся в истории.</translation>
    </message>
    <message>
      <location filename="journal/accounts.py" line="56" />
      <source>There is no account {number} in the journal. Add it first (account add).</source>
      <translation>Лицевого счёта {number} нет в журнале. Сначала добавьте его (Журнал → Добавить лицевой счёт…).</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="85" />
      <source>There is no file or folder {path}.</source>
      <translation>Нет такого файла или папки: {path}.</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="98" />
      <source>There is no file {path}.</source>
      <translation>Файл {path} не найден.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="172" />
      <source>There is no number {shown} in the journal: Meter Journal numbers its records with whole numbers such as 12.</source>
      <translation>В журнале нет номера {shown}: «Журнал показаний» нумерует записи целыми числами, например 12.</translation>
    </message>
    <message>
      <location filename="desktop_app/printing.py" line="43" />
      <source>There is no printing service (CUPS) on this computer. Open the receipt and print it from the PDF viewer instead.</source>
      <translation>На этом компьютере нет службы печати (CUPS). Откройте квитанцию и напечатайте её из программы просмотра PDF.</translation>
    </message>
    <message>
      <location filename="journal/bills.py" line="118" />
      <source>There is no reading for {period} on the account {number}. Add the period's reading first (reading add), or choose a period shown in the history.</source>
      <translation>По лицевому счёту {number} нет показаний за {period}. Сначала передайте показания за этот период или выберите период из истории.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="363" />
      <source>There is no reading for {period} on the account {number}. Add the period's reading first (reading add), then print its slip.</source>
      <translation>По лицевому счёту {number} нет показаний за {period}. Сначала передайте показания за этот период, а потом печатайте бланк.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="209" />
      <source>There is no reading {reading_id} in force for the account {number}.</source>
      <translation>У лицевого счёта {number} нет действующего показания {reading_id}.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="49" />
      <source>There is no room left on the disk for {path}: the disk is full. Nothing was saved there; free some space on it, then try again.</source>
      <translation>На диске нет места для {path}: диск заполнен. Ничего не сохранено; освободите на нём место и попробуйте снова.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="146" />
      <source>There is no such date: {text!r}.</source>
      <translation>Такой даты нет: {text!r}.</translation>
    </message>
    <message>
      <location filename="journal/tariff_offers.py" line="86" />
      <source>There is no tariff offer {offer} for the account {account}.</source>
      <translation>Для лицевого счёта {account} нет предложения о смене тарифа {offer}.</translation>
    </message>
    <message>
      <location filename="journal/readings.py" line="267" />
      <source>There is nothing to undo.</source>
      <translation>Отменять нечего.</translation>
    </message>
    <message>
      <location filename="journal/payment_qr_parser.py" line="111" />
      <source>This bill is not from {supplier}: its payment code is for {payee}, INN {inn} ({supplier} has INN {expected}). Nothing was stored; choose a bill of {supplier}, or type the details from its paper bill.</source>
      <translation>Этот счёт не от {supplier}: в его QR-коде получатель — {payee}, ИНН {inn} (у {supplier} ИНН {expected}). Реквизиты не сохранены. Выберите счёт {supplier} или введите реквизиты с бумажного счёта {supplier}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/credentials.py" line="30" />
      <source>This computer offers no password store (keyring) the app can use, so the portal password cannot be remembered: it will be asked for each time. It is never stored in a file.</source>
      <translation>На этом компьютере нет хранилища паролей (keyring), которым может пользоваться программа, поэтому пароль от личного кабинета запомнить нельзя: его будут спрашивать каждый раз. В файл пароль никогда не записывается.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="172" />
      <source>This reading means {kwh} kWh since {day}, over {factor} times the usual {monthly} kWh a month. Please check the values, and confirm if they are right.</source>
      <translation>По этим показаниям с {day} израсходовано {kwh} кВт·ч — более чем в {factor} раз больше обычного расхода ({monthly} кВт·ч в месяц). Пожалуйста, проверьте значения и подтвердите, если они верны.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="223" />
      <source>This tariff plan needs {values}, separated by commas; got {count}.</source>
      <translation>Для этого тарифа нужно ввести: {values}, через запятую; введено значений: {count}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="241" />
      <source>Type only the digits before the comma, without letters or symbols; got {item!r} for {zone}.</source>
      <translation>Введите только цифры до запятой, без букв и других знаков; в поле «{zone}» введено {item!r}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="81" />
      <source>Unknown consumer category {text!r}; choose one of: {options}.</source>
      <translation>Неизвестная категория потребителя {text!r}; выберите одну из этих: {options}.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="224" />
      <source>Unknown source {source!r} of payee details.</source>
      <translation>Неизвестный источник реквизитов получателя: {source!r}.</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="218" />
      <source>Unknown supplier {supplier!r}; choose one of: {suppliers}.</source>
      <translation>Неизвестный поставщик {supplier!r}; выберите один из этих: {suppliers}.</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="71" />
      <source>Unknown tariff plan {text!r}; choose one of: {options}.</source>
      <translation>Неизвестный тариф {text!r}; выберите один из этих: {options}.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="63" />
      <source>Volume band {band} does not exist; bands are 1, 2 and 3.</source>
      <translation>Диапазона потребления {band} нет; есть диапазоны 1, 2 и 3.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="49" />
      <source>Whether the reading arrived is checked with the portal later; it is not sent again before that.</source>
      <translation>Дошли ли показания, программа проверит в личном кабинете позже; до этого они повторно не отправляются.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/sync_service.py" line="114" />
      <source>Which portal login? Give --account NUMBER, or set it once with 'portal login --login LOGIN'.</source>
      <translation>Какой логин личного кабинета использовать? Укажите --account NUMBER или задайте его один раз командой 'portal login --login LOGIN'.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="61" />
      <source>Zone {zone} is not part of plan {plan}.</source>
      <translation>Зоны {zone} нет в тарифе {plan}.</translation>
    </message>
    <message>
      <location filename="journal/charges.py" line="81" />
      <source>Zone {zone} is not part of plan {plan}; its zones are {zones}.</source>
      <translation>Зоны {zone} нет в тарифе {plan}; его зоны: {zones}.</translation>
    </message>
    <message>
      <location filename="journal/typed_prices.py" line="57" />
      <source>Zone {zone}: {reason}</source>
      <translation>Зона «{zone}»: {reason}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="70" />
      <source>already on the portal</source>
      <translation>уже есть в личном кабинете</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/delivery.py" line="189" />
      <source>found on the portal after an unconfirmed send</source>
      <translation>найдены в личном кабинете после неподтверждённой отправки</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="36" />
      <source>its beginning is not that of a database</source>
      <translation>его начало не похоже на начало базы данных</translation>
    </message>
    <message>
      <location filename="journal/portal_data.py" line="336" />
      <source>no reading of ours for this period</source>
      <translation>в журнале нет показаний за этот месяц</translation>
    </message>
    <message>
      <location filename="journal/portal_data.py" line="344" />
      <source>not billed yet</source>
      <translation>счёт ещё не выставлен</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="37" />
      <source>some of its pages cannot be read</source>
      <translation>часть его страниц не читается</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="17" />
      <source>submit it by phone, {phone} (free)</source>
      <translation>передайте их по телефону {phone} (звонок бесплатный)</translation>
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="225" />
      <source>the file is shorter than its header says: part of it is missing</source>
      <translation>файл короче, чем сказано в его заголовке: части данных в нём нет</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="287" />
      <source>{below} {hint}</source>
      <translation>{below} {hint}</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="176" />
      <source>{consumption} {advice} If the values are right, confirm them.</source>
      <translation>{consumption} {advice} Если показания верны, подтвердите их.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="246" />
      <source>{error} {unconfirmed}</source>
      <translation>{error} {unconfirmed}</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="187" />
      <source>{kwh} kWh from {day} to {until} ({days} days) is far more than a home uses.</source>
      <translation>Расход {kwh} кВт·ч с {day} по {until} (дней: {days}) — намного больше, чем тратит дом.</translation>
    </message>
    <message>
      <location filename="journal/tariffs.py" line="131" />
      <source>{missing} {advice}</source>
      <translation>{missing} {advice}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/credentials.py" line="141" />
      <source>{no_keyring} Enter it now, or set {password_env} for scripted use.</source>
      <translation>{no_keyring} Введите пароль сейчас или задайте {password_env} для запуска из сценариев.</translation>
    </message>
    <message>
      <location filename="desktop_app/cli/receipt_commands.py" line="84" />
      <source>{option}{reason}</source>
      <translation>{option}{reason}</translation>
    </message>
    <message>
      <location filename="desktop_app/services/journal_service.py" line="236" />
      <source>{out} is a database (perhaps the journal or a copy of it), not a table of readings, so it was not overwritten. Choose another name.</source>
      <translation>{out} — база данных (возможно, сам журнал или его копия), а не таблица показаний, поэтому файл не перезаписан. Выберите другое имя.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="59" />
      <source>{path} cannot be written: it is read-only, or another program (a spreadsheet) has it open. Nothing was saved; close it there or choose another place, or allow writing to it.</source>
      <translation>Не удаётся записать {path}: файл доступен только для чтения или открыт в другой программе (например, в электронной таблице). Ничего не сохранено; закройте его там, выберите другое место или разрешите запись.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="91" />
      <source>{path} could not be read: {reason}.</source>
      <translation>Не удалось прочитать {path}: {reason}.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="90" />
      <source>{path} could not be written: {reason}.</source>
      <translation>Не удалось записать {path}: {reason}.</translation>
    </message>
    <message>
      <location filename="desktop_app/bill_qr.py" line="40" />
      <source>{path} is a folder, not a file. Choose the bill's PDF or a photo of it.</source>
      <translation>{path} — это папка, а не файл. Выберите PDF-файл счёта или его фото.</translation>
    </message>
    <message>
      <location filename="journal/storage/files.py" line="87" />
      <source>{path} is a folder, not a file: give the file's name.</source>
      <translation>{path} — это папка, а не файл: укажите имя файла.</translation>
    </message>
    <message>
      <location filename="desktop_app/services/receipt_service.py" line="422" />
      <source>{period}: {warning}</source>
      <translation>{period}: {warning}</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="110" />
      <source>{reading} had reached the supplier before it was corrected in the journal; the supplier keeps it. The corrected reading is sent where the portal allows it; a second reading for the same day is not accepted: then {hint}.</source>
      <translation>{reading} дошли до поставщика раньше, чем были исправлены в журнале; у поставщика они остаются. Исправленные показания отправляются, если личный кабинет это допускает; вторые показания за тот же день он не принимает — тогда {hint}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="113" />
      <source>{reading} had reached the supplier before it was removed from the journal; the supplier keeps it. To withdraw it, call the supplier: {phone} (free).</source>
      <translation>{reading} дошли до поставщика раньше, чем были удалены из журнала; у поставщика они остаются. Чтобы их отозвать, позвоните поставщику: {phone} (бесплатно).</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/errors.py" line="76" />
      <source>{refused} {again}</source>
      <translation>{refused} {again}</translation>
    </message>
    <message>
      <location filename="desktop_app/services/journal_service.py" line="282" />
      <source>{source} is the journal itself: choose a backup copy to restore.</source>
      <translation>{source} — это сам журнал: выберите для восстановления резервную копию.</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="132" />
      <source>{target} is a folder: give a file name for the copy, such as {example}.</source>
      <translation>{target} — это папка: укажите имя файла для копии, например {example}.</translation>
    </message>
    <message>
      <location filename="journal/storage/database.py" line="138" />
      <source>{target} is the journal itself: choose another name for the copy.</source>
      <translation>{target} — это сам журнал: выберите для копии другое имя.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="189" />
      <source>{zone}: {kwh} kWh from {day} to {until} ({days} days) is far more than a home uses.</source>
      <translation>«{zone}»: расход {kwh} кВт·ч с {day} по {until} (дней: {days}) — намного больше, чем тратит дом.</translation>
    </message>
    <message>
      <location filename="journal/reading_checks.py" line="148" />
      <source>{zone}: {now} is above {after} from the later reading of {taken_on}; please check the value.</source>
      <translation>«{zone}»: {now} больше, чем {after} в более поздних показаниях от {taken_on}; пожалуйста, проверьте значение.</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="282" />
      <source>{zone}: {now} is below {before} from the installation act.</source>
      <translation>«{zone}»: {now} меньше, чем значение {before} по акту установки.</translation>
    </message>
    <message>
      <location filename="journal/billing.py" line="281" />
      <source>{zone}: {now} is below {before} from the reading of {day}.</source>
      <translation>«{zone}»: {now} меньше, чем значение {before} в показаниях от {day}.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="88" />
      <source>{zone}: {value} is below the portal's previous reading {previous} of {day}; check the value and correct the reading. It was not sent.</source>
      <translation>{zone}: {value} меньше прежних показаний в личном кабинете ({previous} от {day}); проверьте значение и исправьте показания. Они не отправлены.</translation>
    </message>
    <message>
      <location filename="desktop_app/portal/reading_checks.py" line="85" />
      <source>{zone}: {value} is below the portal's previous reading {previous}; check the value and correct the reading. It was not sent.</source>
      <translation>{zone}: {value} меньше прежних показаний в личном кабинете ({previous}); проверьте значение и исправьте показания. Они не отправлены.</translation>
    </message>
  </context>
  <context>
    <name>journal-labels</name>
    <message>
      <location filename="journal/accounts.py" line="79" />
      <source>address</source>
      <translation>адрес</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="174" />
      <source>bank's correspondent account</source>
      <translation>корреспондентский счёт банка</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="228" />
      <source>bank's name</source>
      <translation>наименование банка</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="28" />
      <source>day</source>
      <translation>день</translation>
    </message>
    <message>
      <location filename="journal/accounts.py" line="78" />
      <source>holder's full name</source>
      <translation>фамилия, имя и отчество владельца счёта</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="29" />
      <source>night</source>
      <translation>ночь</translation>
    </message>
    <message>
      <location filename="journal/payments.py" line="56" />
      <source>note</source>
      <translation>примечание</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="221" />
      <source>one value</source>
      <translation>одно значение</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="225" />
      <source>payee's name</source>
      <translation>наименование получателя</translation>
    </message>
    <message>
      <location filename="journal/payees.py" line="173" />
      <source>payee's settlement account</source>
      <translation>расчётный счёт получателя</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="30" />
      <source>peak</source>
      <translation>пик</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="37" />
      <source>rural</source>
      <translation>сельское население</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="31" />
      <source>semi-peak</source>
      <translation>полупик</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="13" />
      <source>single</source>
      <translation>одноставочный</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="222" />
      <source>three values (peak, night, semi-peak)</source>
      <translation>три значения (пик, ночь, полупик)</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="15" />
      <source>three-zone</source>
      <translation>трёхзонный</translation>
    </message>
    <message>
      <location filename="journal/validation.py" line="221" />
      <source>two values (day, night)</source>
      <translation>два значения (день, ночь)</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="14" />
      <source>two-zone</source>
      <translation>двухзонный</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="36" />
      <source>urban-electric</source>
      <translation>городской дом с электроплитой или электроотоплением</translation>
    </message>
    <message>
      <location filename="journal/zones.py" line="35" />
      <source>urban-gas</source>
      <translation>городской дом с газовой плитой</translation>
    </message>
  </context>
</TS>
