<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>AccountForm</name>
    <message>
      <location filename="../../ui/account_form.py" line="+108" />
      <source>Personal account number:</source>
      <translation>Номер лицевого счёта:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Personal account number, as printed on the bill</source>
      <translation>Номер лицевого счёта, как в квитанции</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Full name:</source>
      <translation>Фамилия, имя, отчество:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Account holder's full name</source>
      <translation>Фамилия, имя, отчество владельца лицевого счёта</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Address:</source>
      <translation>Адрес:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Address</source>
      <translation>Адрес</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tariff plan:</source>
      <translation>Тариф:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Tariff plan</source>
      <translation>Тариф</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Home:</source>
      <translation>Тип жилья:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Consumer category</source>
      <translation>Категория потребителя</translation>
    </message>
  </context>
  <context>
    <name>AccountsView</name>
    <message>
      <location filename="../../ui/accounts_view.py" line="+26" />
      <source>Account and meter details</source>
      <translation>Сведения о лицевом счёте и счётчике</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add an account…</source>
      <translation>Добавить лицевой счёт…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add an account</source>
      <translation>Добавить лицевой счёт</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Edit this account…</source>
      <translation>Изменить данные лицевого счёта…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Edit this account</source>
      <translation>Изменить данные лицевого счёта</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Replace the meter…</source>
      <translation>Замена счётчика…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Record a meter replacement</source>
      <translation>Записать замену счётчика</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Change the tariff plan…</source>
      <translation>Сменить тариф…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Change the tariff plan, keeping the meter</source>
      <translation>Сменить тариф, не меняя счётчик</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Correct the act's data…</source>
      <translation>Исправить данные акта…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Correct the installation act typed wrong</source>
      <translation>Исправить неверно введённые данные акта установки</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Account and meters:</source>
      <translation>Лицевой счёт и счётчики:</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Personal account {number}</source>
      <translation>Лицевой счёт {number}</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+14" />
      <source>Tariff plan: {plan}</source>
      <translation>Тариф: {plan}</translation>
    </message>
    <message>
      <location line="-13" />
      <source>Home: {category}</source>
      <translation>Тип жилья: {category}</translation>
    </message>
    <message>
      <location line="+4" />
      <source>in use</source>
      <translation>работает</translation>
    </message>
    <message>
      <location line="+0" />
      <source>until {date}</source>
      <translation>до {date}</translation>
    </message>
    <message>
      <location line="+4" />
      <source>next verification: {year}</source>
      <translation>следующая поверка: {year}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>it is due: call the supplier</source>
      <translation>срок подошёл: позвоните в Самараэнерго</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Meter {serial}</source>
      <translation>Счётчик {serial}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>{digits} digits before the comma; this plan from {date}, readings that day {values}</source>
      <translation>цифр до запятой: {digits}; этот тариф с {date}, показания в этот день: {values}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>{digits} digits before the comma; installed {date}; act readings {values}</source>
      <translation>цифр до запятой: {digits}; установлен {date}; показания по акту: {values}</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <location filename="../../ui/charts.py" line="+59" />
      <source>no data</source>
      <translation>нет данных</translation>
    </message>
    <message>
      <location line="+16" />
      <source>No data for this period yet.</source>
      <translation>За этот период пока нет данных.</translation>
    </message>
  </context>
  <context>
    <name>ChangePlanDialog</name>
    <message>
      <location filename="../../ui/plan_change_dialog.py" line="+38" />
      <source>Change the tariff plan</source>
      <translation>Смена тарифа</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Now: {plan}. The supplier changes the plan from a day and writes down the meter's readings on that day, in the old zones and in the new ones. Copy them from the act or the bill. The history keeps both plans.</source>
      <translation>Сейчас: {plan}. Поставщик меняет тариф с определённого дня и записывает показания счётчика на этот день — по старым зонам и по новым. Перепишите их из акта или квитанции. В истории останутся оба тарифа.</translation>
    </message>
    <message>
      <location line="+11" />
      <location line="+6" />
      <source>Readings in the old plan</source>
      <translation>Показания по старому тарифу</translation>
    </message>
    <message>
      <location line="-4" />
      <location line="+6" />
      <source>Readings in the new plan</source>
      <translation>Показания по новому тарифу</translation>
    </message>
    <message>
      <location line="-5" />
      <source>New tariff plan:</source>
      <translation>Новый тариф:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>New tariff plan</source>
      <translation>Новый тариф</translation>
    </message>
    <message>
      <location line="+1" />
      <source>From (date):</source>
      <translation>С какого дня:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>The day the new plan starts</source>
      <translation>День, с которого действует новый тариф</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Readings that day, old plan:</source>
      <translation>Показания в этот день, старый тариф:</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Readings that day, new plan:</source>
      <translation>Показания в этот день, новый тариф:</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Change the plan</source>
      <translation>Сменить тариф</translation>
    </message>
    <message>
      <location line="+28" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
  </context>
  <context>
    <name>ChartsView</name>
    <message>
      <location filename="../../ui/charts_view.py" line="+28" />
      <source>Last 12 months</source>
      <translation>Последние 12 месяцев</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Last 24 months</source>
      <translation>Последние 24 месяца</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Months shown</source>
      <translation>Сколько месяцев показать</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Consumption, kWh</source>
      <translation>Расход, кВт·ч</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Money, ₽</source>
      <translation>Деньги, ₽</translation>
    </message>
    <message>
      <location line="+1" />
      <source>What the chart shows</source>
      <translation>Что показывает график</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Show:</source>
      <translation>Показать:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Chart</source>
      <translation>График</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Note under the chart</source>
      <translation>Пояснение под графиком</translation>
    </message>
    <message>
      <location line="+33" />
      <source>kWh</source>
      <translation>кВт·ч</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The consumption for {month} is not shown: its reading of {day} counts the months since {since}.</source>
      <translation>Расход за {month} не показан: показание от {day} охватывает несколько месяцев — с {since}.</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Charge</source>
      <translation>Начислено</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid</source>
      <translation>Оплачено</translation>
    </message>
    <message>
      <location line="+2" />
      <source>₽</source>
      <translation>₽</translation>
    </message>
    <message>
      <location line="+5" />
      <source>The charge for {months} is not known: a price is missing.</source>
      <translation>Начисление за {months} неизвестно: нет цены.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>No reading for {months}: the charge comes with the next reading.</source>
      <translation>За {months} показаний нет: начисление придёт со следующим показанием.</translation>
    </message>
  </context>
  <context>
    <name>ContactsDialog</name>
    <message>
      <location filename="../../ui/help_dialogs.py" line="+197" />
      <source>Samaraenergo: contacts and the website</source>
      <translation>Самараэнерго: телефоны и сайт</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&lt;p&gt;Call centre (free): &lt;b&gt;{centre}&lt;/b&gt; — readings, bills, questions.&lt;/p&gt;&lt;p&gt;Help with the website's personal account: &lt;b&gt;{hotline}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;On the website you register, recover a forgotten password and pay by card.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Контакт-центр (звонок бесплатный): &lt;b&gt;{centre}&lt;/b&gt; — показания, квитанции, вопросы.&lt;/p&gt;&lt;p&gt;Помощь с личным кабинетом на сайте: &lt;b&gt;{hotline}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;На сайте можно зарегистрироваться, восстановить забытый пароль и оплатить картой.&lt;/p&gt;</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Open the supplier's website</source>
      <translation>Открыть сайт Самараэнерго</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open the supplier's website in the browser</source>
      <translation>Открыть сайт Самараэнерго в браузере</translation>
    </message>
  </context>
  <context>
    <name>CorrectActDialog</name>
    <message>
      <location filename="../../ui/act_correction_dialog.py" line="+27" />
      <source>Correct the installation act</source>
      <translation>Исправить данные акта установки</translation>
    </message>
    <message>
      <location line="+2" />
      <source>If something from the meter's installation act was typed wrong, correct it here. The consumption of the readings is counted again from the corrected act; «Undo last change» takes the correction back.</source>
      <translation>Если что-то из акта установки счётчика введено с ошибкой, исправьте здесь. Расход по показаниям пересчитается от исправленного акта; «Отменить последнее изменение» вернёт как было.</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Save the corrected act</source>
      <translation>Сохранить исправленный акт</translation>
    </message>
    <message>
      <location line="+21" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
  </context>
  <context>
    <name>CorrectReadingDialog</name>
    <message>
      <location filename="../../ui/correct_reading_dialog.py" line="+24" />
      <source>Correct a reading</source>
      <translation>Исправить показание</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The reading of {date}. Type the right values, whole kWh as the meter shows them before the comma.</source>
      <translation>Показание от {date}. Введите верные значения — целые кВт·ч, как на счётчике до запятой.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Corrected reading</source>
      <translation>Исправленное показание</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Readings, by zone:</source>
      <translation>Показания, по зонам:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Corrected readings, one field per zone</source>
      <translation>Исправленные показания, по полю на каждую зону</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Save the correction</source>
      <translation>Сохранить исправление</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../ui/date_field.py" line="+62" />
      <source>The date must be after the meter's installation day, {date}.</source>
      <translation>Дата должна быть позже дня установки счётчика, {date}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The date must be after the meter's last reading, {date}.</source>
      <translation>Дата должна быть позже дня последних показаний, {date}.</translation>
    </message>
    <message>
      <location line="+57" />
      <source>Calendar</source>
      <translation>Календарь</translation>
    </message>
    <message>
      <location line="+69" />
      <source>DD.MM.YYYY</source>
      <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Choose the date in a calendar</source>
      <translation>Выбрать дату в календаре</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Choose the date in a calendar (Alt+Down)</source>
      <translation>Выбрать дату в календаре (Alt+стрелка вниз)</translation>
    </message>
    <message>
      <location line="+89" />
      <source>Type the date like this: {example}.</source>
      <translation>Введите дату так: {example}.</translation>
    </message>
    <message>
      <location line="+10" />
      <source>There is no such date: {date}.</source>
      <translation>Такой даты нет: {date}.</translation>
    </message>
    <message>
      <location line="+6" />
      <source>The date cannot be later than today, {date}.</source>
      <translation>Дата не может быть позже сегодняшнего дня, {date}.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The date cannot be later than {date}.</source>
      <translation>Дата не может быть позже {date}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The date cannot be earlier than {date}.</source>
      <translation>Дата не может быть раньше {date}.</translation>
    </message>
  </context>
  <context>
    <name>EditAccountDialog</name>
    <message>
      <location filename="../../ui/account_dialogs.py" line="+84" />
      <source>Account {number}</source>
      <translation>Лицевой счёт {number}</translation>
    </message>
    <message>
      <location line="+16" />
      <source>The tariff plan changes from a day, with the meter's readings on that day: use «Change the tariff plan…» on the «Account and meter» tab.</source>
      <translation>Тариф меняется с определённого дня, с показаниями счётчика на этот день: нажмите «Сменить тариф…» на вкладке «Лицевой счёт и счётчик».</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
  </context>
  <context>
    <name>FallbackDialog</name>
    <message>
      <location filename="../../ui/help_dialogs.py" line="-45" />
      <source>Other ways to submit readings</source>
      <translation>Другие способы передать показания</translation>
    </message>
    <message>
      <location line="+4" />
      <source>SMS to &lt;b&gt;{number}&lt;/b&gt; (Megafon, Beeline, MTS; the phone must be linked to the account):</source>
      <translation>SMS на номер &lt;b&gt;{number}&lt;/b&gt; (МегаФон, Билайн, МТС; телефон должен быть привязан к лицевому счёту):</translation>
    </message>
    <message>
      <location line="+5" />
      <source>SMS text</source>
      <translation>Текст SMS</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+1" />
      <source>Copy the SMS text</source>
      <translation>Скопировать текст SMS</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Personal account {account}. Meter readings: {values}.</source>
      <translation>Лицевой счёт {account}. Показания счётчика: {values}.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>E-mail text</source>
      <translation>Текст письма</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+1" />
      <source>Copy the e-mail text</source>
      <translation>Скопировать текст письма</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Or call the free call centre &lt;b&gt;{phone}&lt;/b&gt; and dictate the account number and the readings.</source>
      <translation>Или позвоните в бесплатный контакт-центр &lt;b&gt;{phone}&lt;/b&gt; и продиктуйте номер лицевого счёта и показания.</translation>
    </message>
    <message>
      <location line="+6" />
      <source>A ready text for an e-mail to your branch:</source>
      <translation>Готовый текст письма в ваше отделение:</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <location filename="../../ui/history_model.py" line="+106" />
      <source>Month</source>
      <translation>Месяц</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Meter</source>
      <translation>Счётчик</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Reading
{zone}</source>
      <translation>Показание
{zone}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>kWh
{zone}</source>
      <translation>кВт·ч
{zone}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Charge</source>
      <translation>Начислено</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Paid</source>
      <translation>Оплачено</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Balance</source>
      <translation>Баланс</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <location line="+43" />
      <source>price unknown</source>
      <translation>цена неизвестна</translation>
    </message>
    <message>
      <location line="+5" />
      <source>{amount} due</source>
      <translation>долг {amount}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>{amount} ahead</source>
      <translation>аванс {amount}</translation>
    </message>
    <message>
      <location line="+14" />
      <source>⚠ supplier's bill {amount}: differs by over 1 %</source>
      <translation>⚠ в квитанции поставщика {amount}: расхождение больше 1 %</translation>
    </message>
    <message>
      <location line="+2" />
      <source>supplier's bill {amount}</source>
      <translation>в квитанции поставщика {amount}</translation>
    </message>
    <message>
      <location line="+4" />
      <source>rollover</source>
      <translation>переход через ноль</translation>
    </message>
    <message>
      <location line="+2" />
      <source>final reading, tariff plan changed</source>
      <translation>последние показания по старому тарифу</translation>
    </message>
    <message>
      <location line="+2" />
      <source>final reading, meter replaced</source>
      <translation>последнее показание, счётчик заменён</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <location filename="../../ui/history_view.py" line="+60" />
      <source>History of readings</source>
      <translation>История показаний</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Column titles</source>
      <translation>Заголовки столбцов</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Row numbers</source>
      <translation>Номера строк</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Saved</source>
      <translation>Записано</translation>
    </message>
    <message>
      <location line="+6" />
      <source>The chosen row's columns not shown</source>
      <translation>Столбцы выбранной строки, которые не поместились</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Note under the history</source>
      <translation>Пояснение под историей</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Enter the price from the bill…</source>
      <translation>Ввести цену из квитанции…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Enter the missing price from the bill</source>
      <translation>Ввести недостающую цену из квитанции</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Look up the prices on the supplier's site</source>
      <translation>Узнать цены на сайте поставщика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Look up the unknown prices on the supplier's site</source>
      <translation>Узнать неизвестные цены на сайте поставщика</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Correct…</source>
      <translation>Исправить…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Correct the selected reading</source>
      <translation>Исправить выбранное показание</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete…</source>
      <translation>Удалить…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete the selected reading</source>
      <translation>Удалить выбранное показание</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+263" />
      <source>Undo last change</source>
      <translation>Отменить последнее изменение</translation>
    </message>
    <message>
      <location line="-262" />
      <source>Undo the last change</source>
      <translation>Отменить последнее изменение</translation>
    </message>
    <message>
      <location line="+52" />
      <source>No readings yet.</source>
      <translation>Показаний пока нет.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>No readings yet. The starting readings from the installation act: {values} on {date}.</source>
      <translation>Показаний пока нет. Начальные показания из акта установки: {values} на {date}.</translation>
    </message>
    <message>
      <location line="+124" />
      <source>{month}: {columns}.</source>
      <translation>{month}: {columns}.</translation>
    </message>
    <message>
      <location line="+38" />
      <source>* No price is known from {day}: plan «{plan}», zone «{zone}». The balance counts the known charges only.</source>
      <translation>* Неизвестна цена с {day}: тариф «{plan}», зона «{zone}». Долг посчитан только по известным начислениям.</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Correct a reading</source>
      <translation>Исправление показания</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+14" />
      <source>Select a reading in force first.</source>
      <translation>Сначала выберите действующее показание.</translation>
    </message>
    <message>
      <location line="+0" />
      <location line="+3" />
      <source>Delete a reading</source>
      <translation>Удаление показания</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Delete the reading of {date}? It stays in the history as deleted, and «Undo last change» brings it back.</source>
      <translation>Удалить показание от {date}? Оно останется в истории как удалённое, а кнопка «Отменить последнее изменение» вернёт его.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Yes, delete</source>
      <translation>&amp;Да, удалить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, delete the reading</source>
      <translation>Да, удалить показание</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Take back the reading of {date} ({values})? It will no longer count; the history keeps it marked as undone.</source>
      <translation>Отменить показание от {date} ({values})? Оно перестанет учитываться; в истории оно останется с пометкой «отменено».</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Take back the reading of {date} ({values})? The values it replaced count again; the history keeps both.</source>
      <translation>Отменить показание от {date} ({values})? Снова будут учитываться показания, которые оно заменило; в истории останутся и те, и другие.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Yes, undo</source>
      <translation>&amp;Да, отменить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, undo the last change</source>
      <translation>Да, отменить последнее изменение</translation>
    </message>
    <message>
      <location line="+17" />
      <source>the reading of {date} ({values}) no longer counts</source>
      <translation>показание от {date} ({values}) больше не учитывается</translation>
    </message>
    <message>
      <location line="+3" />
      <source>{what}; the values it replaced count again</source>
      <translation>{what}, снова действуют прежние значения</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the deleted reading counts again</source>
      <translation>удалённое показание снова учитывается</translation>
    </message>
    <message>
      <location line="+2" />
      <source>the installation act's data are as they were</source>
      <translation>данные акта установки снова прежние</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The last change is undone.</source>
      <translation>Последнее изменение отменено.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The last change is undone: {what}.</source>
      <translation>Последнее изменение отменено: {what}.</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Nothing was changed</source>
      <translation>Ничего не изменено</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/banner.py" line="+90" />
      <location filename="../../ui/main_window.py" line="+101" />
      <source>Meter Journal</source>
      <translation>Журнал показаний</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="+0" />
      <source>SAMPLE</source>
      <translation>ОБРАЗЕЦ</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Personal account</source>
      <translation>Лицевой счёт</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Account:</source>
      <translation>Лицевой счёт:</translation>
    </message>
    <message>
      <location filename="../../ui/banner.py" line="-4" />
      <location filename="../../ui/main_window.py" line="+2" />
      <location line="+2" />
      <location line="+292" />
      <source>Submit readings</source>
      <translation>Передать показания</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="-288" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Balance</source>
      <translation>Баланс</translation>
    </message>
    <message>
      <location filename="../../ui/banner.py" line="-61" />
      <source>Reminder</source>
      <translation>Напоминание</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="+12" />
      <source>Sections</source>
      <translation>Разделы</translation>
    </message>
    <message>
      <location line="+1" />
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Charts</source>
      <translation>Графики</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payments</source>
      <translation>Оплаты</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Account and meter</source>
      <translation>Лицевой счёт и счётчик</translation>
    </message>
    <message>
      <location line="+287" />
      <source>The reading for {month} is saved: {values}.</source>
      <translation>Показание за {month} записано: {values}.</translation>
    </message>
    <message>
      <location line="+120" />
      <source>Correct the installation act</source>
      <translation>Исправить данные акта установки</translation>
    </message>
    <message>
      <location line="+40" />
      <source>The journal is restored from the copy of {when}.</source>
      <translation>Журнал восстановлен из копии от {when}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The journal is restored from the copy «{name}».</source>
      <translation>Журнал восстановлен из копии «{name}».</translation>
    </message>
    <message>
      <location filename="../../ui/window_menus.py" line="+35" />
      <source>&amp;Journal</source>
      <translation>&amp;Журнал</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Submit readings…</source>
      <translation>Передать показания…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Add an account…</source>
      <translation>Добавить лицевой счёт…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Change the tariff plan…</source>
      <translation>Сменить тариф…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Export readings to CSV…</source>
      <translation>Сохранить показания в файл CSV…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Import readings from a file…</source>
      <translation>Загрузить показания из файла…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Save a copy of the journal…</source>
      <translation>Сохранить копию журнала…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Restore from a copy…</source>
      <translation>Восстановить из копии…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Settings…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Leave the sample and start my journal</source>
      <translation>Закрыть образец и начать свой журнал</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Documents</source>
      <translation>&amp;Документы</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Payment receipt…</source>
      <translation>Квитанция на оплату…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Readings slip for the post office box…</source>
      <translation>Бланк показаний для почтового ящика…</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Yearly report…</source>
      <translation>Отчёт за год…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Payee's bank details…</source>
      <translation>Банковские реквизиты получателя…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Personal account</source>
      <translation>&amp;Личный кабинет</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Send readings and fetch bills</source>
      <translation>Передать показания и получить квитанции</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open the personal account in the browser</source>
      <translation>Открыть личный кабинет в браузере</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Forget the saved password</source>
      <translation>Удалить сохранённый пароль</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Undo last change</source>
      <translation>Отменить последнее изменение</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <location line="+1" />
      <source>How to read a meter</source>
      <translation>Как снять показания счётчика</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Other ways to submit (SMS, phone, e-mail)</source>
      <translation>Другие способы передать показания (SMS, телефон, электронная почта)</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Samaraenergo contacts and website</source>
      <translation>Телефоны и сайт Самараэнерго</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="+14" />
      <location filename="../../ui/window_menus.py" line="+2" />
      <source>About Meter Journal</source>
      <translation>О программе «Журнал показаний»</translation>
    </message>
    <message>
      <location filename="../../ui/file_actions.py" line="+167" />
      <source>Readings slip</source>
      <translation>Бланк показаний</translation>
    </message>
    <message>
      <location line="+1" />
      <source>There are no readings yet.</source>
      <translation>Показаний пока нет.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Save the readings slip</source>
      <translation>Сохранение бланка показаний</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Readings {number} {month}.pdf</source>
      <translation>Показания {number} {month}.pdf</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Save the yearly report</source>
      <translation>Сохранение отчёта за год</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Report {number} {year}.pdf</source>
      <translation>Отчёт {number} {year}.pdf</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Preparing the document…</source>
      <translation>Готовим документ…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Saved: {path}</source>
      <translation>Сохранено: {path}</translation>
    </message>
    <message>
      <location filename="../../ui/banner.py" line="+39" />
      <source>The bill of {date} from the personal account shows other bank details of the payee than the journal's.</source>
      <translation>В счёте от {date} из личного кабинета другие реквизиты получателя, чем в журнале.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The bill of {date} from the personal account holds the payee's bank details: the program can take them for your receipts.</source>
      <translation>В счёте от {date} из личного кабинета есть реквизиты получателя: программа может взять их для ваших квитанций.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Take the bill's bank details…</source>
      <translation>Взять реквизиты из счёта…</translation>
    </message>
    <message>
      <location filename="../../ui/portal_news.py" line="+57" />
      <location line="+13" />
      <source>The payee's bank details</source>
      <translation>Банковские реквизиты получателя</translation>
    </message>
    <message>
      <location line="-13" />
      <source>Take these bank details from the bill for your receipts?

{details}</source>
      <translation>Взять эти реквизиты из счёта для ваших квитанций?

{details}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Take them</source>
      <translation>&amp;Взять</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Take the bill's bank details</source>
      <translation>Взять реквизиты из счёта</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Not now</source>
      <translation>Не сейчас</translation>
    </message>
    <message>
      <location line="+13" />
      <source>The bank details were taken from the bill and saved.</source>
      <translation>Реквизиты взяты из счёта и сохранены.</translation>
    </message>
    <message>
      <location line="+11" />
      <location line="+13" />
      <source>New prices from the supplier</source>
      <translation>Новые цены от Самараэнерго</translation>
    </message>
    <message>
      <location line="-13" />
      <source>Use these prices from the first day of this month? If your bill shows another date, enter the prices in Settings → Prices instead.</source>
      <translation>Применять эти цены с первого числа этого месяца? Если в вашей квитанции указана другая дата, введите цены в «Настройки» → «Цены».</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Use them</source>
      <translation>&amp;Применять</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Use the supplier's prices</source>
      <translation>Применять цены поставщика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Ignore them</source>
      <translation>&amp;Не применять</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Ignore the supplier's prices</source>
      <translation>Не применять цены поставщика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Decide later</source>
      <translation>Решу позже</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Forget the password?</source>
      <translation>Забыть пароль?</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Remove the saved password of the personal account? The next time readings are sent, the program will ask for it again.</source>
      <translation>Удалить сохранённый пароль от личного кабинета? При следующей отправке показаний программа спросит его снова.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Yes, remove</source>
      <translation>&amp;Да, удалить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, remove the saved password</source>
      <translation>Да, удалить сохранённый пароль</translation>
    </message>
    <message>
      <location line="+4" />
      <source>The saved password was removed.</source>
      <translation>Сохранённый пароль удалён.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>No password was saved.</source>
      <translation>Сохранённого пароля не было.</translation>
    </message>
    <message>
      <location filename="../../ui/file_actions.py" line="-47" />
      <source>Not restored</source>
      <translation>Не восстановлено</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Restored</source>
      <translation>Восстановлено</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The journal was restored from the copy.</source>
      <translation>Журнал восстановлен из резервной копии.</translation>
    </message>
    <message>
      <location line="-125" />
      <source>CSV for Excel (*.csv)</source>
      <translation>CSV для Excel (*.csv)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>CSV, comma-separated (*.csv)</source>
      <translation>CSV с запятыми (*.csv)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Export readings</source>
      <translation>Сохранение показаний в файл</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Readings.csv</source>
      <translation>Показания.csv</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Not exported</source>
      <translation>Не сохранено</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Exported</source>
      <translation>Сохранено</translation>
    </message>
    <message>
      <location line="+0" />
      <source>{count} readings saved to {path}.</source>
      <translation>Сохранено показаний: {count}. Файл: {path}.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Import readings</source>
      <translation>Загрузка показаний из файла</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Nothing was imported</source>
      <translation>Ничего не загружено</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Imported</source>
      <translation>Загружено</translation>
    </message>
    <message>
      <location line="+0" />
      <source>{count} readings imported.</source>
      <translation>Загружено показаний: {count}.</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Journal copy {date}.sqlite3</source>
      <translation>Копия журнала {date}.sqlite3</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Save a copy of the journal</source>
      <translation>Сохранить копию журнала</translation>
    </message>
    <message>
      <location line="+2" />
      <location line="+18" />
      <source>Journal copies ({pattern})</source>
      <translation>Копии журнала ({pattern})</translation>
    </message>
    <message>
      <location line="-10" />
      <source>The copy was not saved</source>
      <translation>Копия не сохранена</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Copy saved</source>
      <translation>Копия сохранена</translation>
    </message>
    <message>
      <location line="+0" />
      <source>A copy of the journal is saved: {path}. Keep it on a USB stick or another computer; Journal → Restore from a copy… brings it back.</source>
      <translation>Копия журнала сохранена: {path}. Храните её на флешке или на другом компьютере; вернуть журнал из неё — меню Журнал → Восстановить из копии…</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Restore the journal from a copy</source>
      <translation>Восстановить журнал из копии</translation>
    </message>
    <message>
      <location line="+2" />
      <source>All files (*)</source>
      <translation>Все файлы (*)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Restore from a copy</source>
      <translation>Восстановление из копии</translation>
    </message>
    <message>
      <location line="+11" />
      <source>&amp;Yes, restore</source>
      <translation>&amp;Да, восстановить</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Yes, restore the journal from the copy</source>
      <translation>Да, восстановить журнал из копии</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Return the journal to the copy of {when} ({kind})?</source>
      <translation>Вернуть журнал к копии от {when} ({kind})?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Return the journal to the copy ({kind})?</source>
      <translation>Вернуть журнал к копии ({kind})?</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Return the journal to the copy «{name}» of {when}?</source>
      <translation>Вернуть журнал к копии «{name}» от {when}?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Return the journal to the copy «{name}»?</source>
      <translation>Вернуть журнал к копии «{name}»?</translation>
    </message>
    <message>
      <location line="+3" />
      <source>It holds {accounts}, {readings} and {payments}.</source>
      <translation>В ней {accounts}, {readings} и {payments}.</translation>
    </message>
    <message numerus="yes">
      <location line="+1" />
      <source>%n account(s)</source>
      <translation>
        <numerusform>%n лицевой счёт</numerusform>
        <numerusform>%n лицевых счёта</numerusform>
        <numerusform>%n лицевых счетов</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+1" />
      <source>%n reading(s)</source>
      <translation>
        <numerusform>%n показание</numerusform>
        <numerusform>%n показания</numerusform>
        <numerusform>%n показаний</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+1" />
      <source>%n payment(s)</source>
      <translation>
        <numerusform>%n оплата</numerusform>
        <numerusform>%n оплаты</numerusform>
        <numerusform>%n оплат</numerusform>
      </translation>
    </message>
    <message>
      <location line="+1" />
      <source>Everything recorded after it will be gone from the journal. The current journal is kept as a separate copy first.</source>
      <translation>Всё, что записано после неё, пропадёт из журнала. Нынешний журнал сначала сохранится отдельной копией.</translation>
    </message>
    <message>
      <location line="+13" />
      <source>Restoring the journal from the copy…</source>
      <translation>Восстанавливаю журнал из копии…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="+1" />
      <source>Meter Journal {version}: a journal of electricity meter readings for Samaraenergo households.
Your data: {path}</source>
      <translation>Журнал показаний {version}: учёт показаний счётчика электроэнергии для домашних абонентов Самараэнерго.
Ваши данные: {path}</translation>
    </message>
    <message>
      <location filename="../../ui/banner.py" line="-17" />
      <source>This is a sample household with made-up numbers. Look around freely.</source>
      <translation>Это образец с придуманными цифрами. Смотрите всё, что хотите, — ничего не сломается.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Start my journal</source>
      <translation>Начать свой журнал</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The reading of {date} has not reached the supplier yet, and readings are accepted until the 25th. Send it by SMS {sms} to {number} or by phone {phone}.</source>
      <translation>Показания от {date} ещё не дошли до Самараэнерго, а показания принимаются до 25-го числа. Отправьте их SMS с текстом {sms} на номер {number} или передайте по телефону {phone}.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>SMS and phone</source>
      <translation>SMS и телефон</translation>
    </message>
    <message>
      <location line="+14" />
      <source>The supplier's personal account shows new prices (₽/kWh): {prices}. They are not used until you accept them.</source>
      <translation>В личном кабинете Самараэнерго указаны новые цены (₽/кВт·ч): {prices}. Программа не будет их использовать, пока вы их не примете.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Review the prices…</source>
      <translation>Посмотреть цены…</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Time to submit the readings for {period}: the supplier accepts them until the 25th.</source>
      <translation>Пора передать показания за {period}: Самараэнерго принимает их до 25-го числа.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The meter's verification is due in {year}: call the supplier.</source>
      <translation>Срок поверки счётчика — {year} год: позвоните в Самараэнерго.</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Contacts</source>
      <translation>Телефоны</translation>
    </message>
  </context>
  <context>
    <name>MeterFace</name>
    <message>
      <location filename="../../ui/help_dialogs.py" line="-125" />
      <source>Picture of a meter's digits</source>
      <translation>Рисунок: цифры на счётчике</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Black digits 012345, then a comma and a red digit 7: write 12345.</source>
      <translation>Чёрные цифры 012345, затем запятая и красная цифра 7: записывайте 12345.</translation>
    </message>
    <message>
      <location line="+25" />
      <source>write these</source>
      <translation>запишите эти</translation>
    </message>
    <message>
      <location line="-13" />
      <location line="+14" />
      <source>not this</source>
      <translation>эту не пишите</translation>
    </message>
  </context>
  <context>
    <name>MeterForm</name>
    <message>
      <location filename="../../ui/account_form.py" line="+18" />
      <source>Type the meter's installation date from the act, for example {example}.</source>
      <translation>Введите дату установки счётчика из акта, например {example}.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Reading in the installation act</source>
      <translation>Показания в акте установки</translation>
    </message>
    <message>
      <location line="+4" />
      <source>not known</source>
      <translation>неизвестен</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Meter number:</source>
      <translation>Номер счётчика:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Meter serial number</source>
      <translation>Заводской номер счётчика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Black digits before the comma:</source>
      <translation>Чёрных цифр до запятой:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Number of digits before the comma</source>
      <translation>Сколько цифр до запятой</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Installed on (from the act):</source>
      <translation>Дата установки (из акта):</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Installation date from the act</source>
      <translation>Дата установки из акта</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Readings in the act, by zone:</source>
      <translation>Показания в акте, по зонам:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Initial readings from the installation act, one field per zone</source>
      <translation>Показания из акта установки, по полю на каждую зону</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Next verification year:</source>
      <translation>Год следующей поверки:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Year of the next verification</source>
      <translation>Год следующей поверки</translation>
    </message>
  </context>
  <context>
    <name>NewAccountDialog</name>
    <message>
      <location filename="../../ui/account_dialogs.py" line="-80" />
      <source>New account</source>
      <translation>Новый лицевой счёт</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Copy these from your bill and from the meter's installation act.</source>
      <translation>Перепишите эти данные из квитанции и из акта установки счётчика.</translation>
    </message>
    <message>
      <location line="+8" />
      <source>&lt;b&gt;The meter&lt;/b&gt;</source>
      <translation>&lt;b&gt;Счётчик&lt;/b&gt;</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Create</source>
      <translation>Создать</translation>
    </message>
    <message>
      <location line="+19" />
      <source>Not created</source>
      <translation>Лицевой счёт не добавлен</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <location filename="../../ui/sync_controller.py" line="+50" />
      <source>Password of the personal account</source>
      <translation>Пароль от личного кабинета</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Enter the password of the supplier's personal account for {login}.</source>
      <translation>Введите пароль от личного кабинета на сайте Самараэнерго для логина {login}.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Password</source>
      <translation>Пароль</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Remember it in this computer's protected password store</source>
      <translation>Запомнить пароль в защищённом хранилище паролей этого компьютера</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Remember the password</source>
      <translation>Запомнить пароль</translation>
    </message>
    <message>
      <location line="+3" />
      <source>This computer has no protected password store: the password will be asked each time.</source>
      <translation>На этом компьютере нет защищённого хранилища паролей: пароль будет запрашиваться каждый раз.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Connect</source>
      <translation>Подключиться</translation>
    </message>
  </context>
  <context>
    <name>PayeeDialog</name>
    <message>
      <location filename="../../ui/payee_dialog.py" line="+84" />
      <source>The payee's bank details</source>
      <translation>Банковские реквизиты получателя</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+80" />
      <source>Take the details from the bill (PDF or photo)…</source>
      <translation>Взять реквизиты из счёта (PDF или фото)…</translation>
    </message>
    <message>
      <location line="-77" />
      <source>Take the bank details from the bill's QR code, PDF or photo</source>
      <translation>Взять реквизиты из QR-кода счёта: PDF или фото</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The program reads the payment QR code printed on the bill: the bill's PDF from e-mail or the personal account, or a photo of the paper bill.</source>
      <translation>Программа прочитает платёжный QR-код на счёте: PDF-файл счёта из почты или личного кабинета либо фото бумажной квитанции.</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Why the bill could not be read</source>
      <translation>Почему счёт не удалось прочитать</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Or copy these from the upper part of your paper bill, exactly as printed. The program checks the numbers' control digits.</source>
      <translation>Или перепишите их из верхней части бумажной квитанции точно как напечатано. Программа проверит контрольные цифры.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Payee:</source>
      <translation>Получатель:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payee's name</source>
      <translation>Название получателя</translation>
    </message>
    <message>
      <location line="+1" />
      <source>INN:</source>
      <translation>ИНН:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payee's INN</source>
      <translation>ИНН получателя</translation>
    </message>
    <message>
      <location line="+1" />
      <source>KPP:</source>
      <translation>КПП:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payee's KPP</source>
      <translation>КПП получателя</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Settlement account:</source>
      <translation>Расчётный счёт:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payee's settlement account, 20 digits</source>
      <translation>Расчётный счёт получателя, 20 цифр</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Bank:</source>
      <translation>Банк:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Payee's bank</source>
      <translation>Банк получателя</translation>
    </message>
    <message>
      <location line="+1" />
      <source>BIC:</source>
      <translation>БИК:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Bank's BIC, 9 digits</source>
      <translation>БИК банка, 9 цифр</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Correspondent account:</source>
      <translation>Корреспондентский счёт:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Bank's correspondent account, 20 digits</source>
      <translation>Корреспондентский счёт банка, 20 цифр</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Save the bank details</source>
      <translation>Сохранить реквизиты</translation>
    </message>
    <message>
      <location line="+25" />
      <source>The bill: its PDF, or a scan or photo</source>
      <translation>Счёт: PDF-файл, скан или фото</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Bills (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
      <translation>Счета (*.pdf *.png *.jpg *.jpeg);;Все файлы (*)</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Reading the bill…</source>
      <translation>Читаю счёт…</translation>
    </message>
    <message>
      <location line="+19" />
      <source>The bank details were kept as they were.</source>
      <translation>Реквизиты оставлены как были.</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Bank details saved</source>
      <translation>Реквизиты сохранены</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The bank details were taken from the bill and saved:

{details}</source>
      <translation>Реквизиты взяты из счёта и сохранены:

{details}</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Replace the bank details?</source>
      <translation>Заменить реквизиты?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Replace the payee's bank details saved earlier? Changed: {fields}. Receipts will be printed with the new details.</source>
      <translation>Заменить сохранённые ранее реквизиты получателя? Изменено: {fields}. Квитанции будут печататься с новыми реквизитами.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Yes, replace</source>
      <translation>&amp;Да, заменить</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Yes, replace the bank details</source>
      <translation>Да, заменить реквизиты</translation>
    </message>
  </context>
  <context>
    <name>PaymentsView</name>
    <message>
      <location filename="../../ui/payments_view.py" line="+56" />
      <source>Balance</source>
      <translation>Баланс</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Date of the payment</source>
      <translation>Дата оплаты</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Amount paid, roubles</source>
      <translation>Оплаченная сумма, в рублях</translation>
    </message>
    <message>
      <location line="+1" />
      <source>e.g. 1250,50</source>
      <translation>например, 1250,50</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <location line="+5" />
      <location line="+1" />
      <source>Record the payment</source>
      <translation>Записать оплату</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Date:</source>
      <translation>Дата:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Amount, ₽:</source>
      <translation>Сумма, ₽:</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Note:</source>
      <translation>Примечание:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Recorded</source>
      <translation>Записано</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Payments</source>
      <translation>Оплаты</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Payment receipt for the bank…</source>
      <translation>Квитанция для оплаты в банке…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Print a payment receipt for the bank</source>
      <translation>Напечатать квитанцию для оплаты в банке</translation>
    </message>
    <message>
      <location line="+9" />
      <source>Payments recorded:</source>
      <translation>Записанные оплаты:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Bills from the supplier's personal account</source>
      <translation>Счета из личного кабинета поставщика</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Open the bill (PDF)</source>
      <translation>Открыть счёт (PDF)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open the selected bill of the supplier as a PDF</source>
      <translation>Открыть выбранный счёт поставщика в формате PDF</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Bills from the supplier's personal account:</source>
      <translation>Счета из личного кабинета поставщика:</translation>
    </message>
    <message>
      <location line="+42" />
      <source>known to the supplier's personal account</source>
      <translation>по данным личного кабинета</translation>
    </message>
    <message>
      <location line="+19" />
      <source>To pay: at least {amount} (a price is unknown)</source>
      <translation>К оплате: не меньше {amount} (одна из цен неизвестна)</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Charged at least {charged}, paid {paid} — a price is unknown.</source>
      <translation>Начислено не меньше {charged}, оплачено {paid} — одна из цен неизвестна.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Paid {paid}; the charge is not known yet: a price is unknown.</source>
      <translation>Оплачено {paid}; начисление пока неизвестно: не хватает цены.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The amount to pay is not known yet: a price is unknown.</source>
      <translation>Сумма к оплате пока неизвестна: не хватает цены.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>To pay: {amount}</source>
      <translation>К оплате: {amount}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Paid in advance: {amount}</source>
      <translation>Оплачено вперёд (аванс): {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Nothing to pay.</source>
      <translation>Платить ничего не нужно.</translation>
    </message>
    <message>
      <location line="+61" />
      <source>The same payment again?</source>
      <translation>Снова та же оплата?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>A payment of {amount} on {date} is already recorded. Record another one only if you really paid twice.</source>
      <translation>Оплата {amount} от {date} уже записана. Записывайте ещё одну, только если вы действительно заплатили дважды.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>&amp;Yes, record a second one</source>
      <translation>&amp;Да, записать вторую</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, record a second payment</source>
      <translation>Да, записать вторую оплату</translation>
    </message>
    <message>
      <location line="+17" />
      <source>The payment of {amount} on {date} is recorded.</source>
      <translation>Оплата {amount} от {date} записана.</translation>
    </message>
    <message>
      <location line="-76" />
      <source>bill of {date}</source>
      <translation>счёт от {date}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>bill</source>
      <translation>счёт</translation>
    </message>
    <message>
      <location line="+4" />
      <source>to pay by {date}</source>
      <translation>оплатить до {date}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>paid</source>
      <translation>оплачен</translation>
    </message>
    <message>
      <location line="+2" />
      <source>still to pay {amount}</source>
      <translation>осталось оплатить {amount}</translation>
    </message>
    <message>
      <location line="+8" />
      <source>{month}: the supplier billed {billed}</source>
      <translation>{month}: в счёте поставщика {billed}</translation>
    </message>
    <message>
      <location line="+3" />
      <source>our estimate {amount}</source>
      <translation>по нашему расчёту {amount}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>⚠ differs by over 1 %</source>
      <translation>⚠ разница больше 1 %</translation>
    </message>
    <message>
      <location line="-100" />
      <source>None yet: they come with «Send readings and fetch bills» (F5).</source>
      <translation>Пока нет: они приходят с «Передать показания и получить квитанции» (F5).</translation>
    </message>
  </context>
  <context>
    <name>PriceListDialog</name>
    <message>
      <location filename="../../ui/price_lookup.py" line="+57" />
      <location line="+15" />
      <source>Prices and their sources</source>
      <translation>Цены и их источники</translation>
    </message>
    <message>
      <location line="-10" />
      <source>What the supplier's calculator said</source>
      <translation>Что ответил калькулятор поставщика</translation>
    </message>
    <message>
      <location line="+11" />
      <source>From</source>
      <translation>С даты</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Zone</source>
      <translation>Зона</translation>
    </message>
    <message>
      <location line="+0" />
      <source>₽ per kWh</source>
      <translation>₽ за кВт·ч</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <location line="+10" />
      <source>unknown</source>
      <translation>неизвестна</translation>
    </message>
    <message>
      <location line="+1" />
      <source>your bill</source>
      <translation>ваша квитанция</translation>
    </message>
    <message>
      <location line="+3" />
      <source>your price</source>
      <translation>ваша цена</translation>
    </message>
    <message>
      <location line="+0" />
      <source>the supplier's calculator</source>
      <translation>калькулятор поставщика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>{source} — not used: {whose} is used</source>
      <translation>{source} — не используется: используется {whose}</translation>
    </message>
    <message>
      <location line="+24" />
      <source>The supplier's site could not be asked: {error} Nothing was changed.</source>
      <translation>Сайт поставщика не удалось спросить: {error} Ничего не изменено.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Stopped: nothing was changed.</source>
      <translation>Остановлено: ничего не изменено.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Nothing to ask: every price was already asked or is known.</source>
      <translation>Спрашивать нечего: все цены уже спрошены или известны.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The supplier's calculator was asked on {day} (requests: {count}); its prices are saved and used.</source>
      <translation>Калькулятор поставщика спрошен {day} (запросов: {count}); его цены сохранены и используются.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>{zone} from {day}: the supplier says {new} ₽, the program had {old} ₽ ({source}). The supplier's price is used.</source>
      <translation>{zone} с {day}: у поставщика {new} ₽, в программе было {old} ₽ ({source}). Используется цена поставщика.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>{zone} from {first} to {last}</source>
      <translation>{zone} с {first} по {last}</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Still unknown: {runs}. Enter these prices from your bill in Settings → Prices.</source>
      <translation>Всё ещё неизвестны: {runs}. Введите эти цены из квитанции в «Настройки → Цены».</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Every price the journal needs is known.</source>
      <translation>Все цены, нужные журналу, известны.</translation>
    </message>
  </context>
  <context>
    <name>PriceLookupController</name>
    <message>
      <location line="+26" />
      <location line="+4" />
      <location line="+31" />
      <source>Prices from the supplier's site</source>
      <translation>Цены с сайта поставщика</translation>
    </message>
    <message>
      <location line="-33" />
      <source>Asking the supplier's site for the prices…</source>
      <translation>Спрашиваю цены на сайте поставщика…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Asking the supplier's site for the prices</source>
      <translation>Спрашиваю цены на сайте поставщика</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Stop asking: nothing is changed</source>
      <translation>Прекратить спрашивать: ничего не изменится</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Asking the supplier's site for the prices: {done} of {total}…</source>
      <translation>Спрашиваю цены на сайте поставщика: {done} из {total}…</translation>
    </message>
    <message>
      <location line="+36" />
      <source>Prices found on the supplier's site and saved (prices: {count}).</source>
      <translation>На сайте поставщика найдены и сохранены цены (цен: {count}).</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <location filename="../../ui/i18n.py" line="+128" />
      <source>&amp;Look in:</source>
      <translation>&amp;Папка:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Files of &amp;type:</source>
      <translation>&amp;Тип файлов:</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <location line="+2" />
      <source>OK</source>
      <translation>ОК</translation>
    </message>
  </context>
  <context>
    <name>ReadingDialog</name>
    <message>
      <location filename="../../ui/reading_dialog.py" line="+75" />
      <location line="+1" />
      <source>Submit readings</source>
      <translation>Передать показания</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Meter {serial}. Write the black digits before the comma, without the red ones.</source>
      <translation>Счётчик {serial}. Запишите чёрные цифры до запятой, без красных.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Date of the reading:</source>
      <translation>Дата показаний:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Date of the reading</source>
      <translation>Дата показаний</translation>
    </message>
    <message>
      <location line="+12" />
      <source>{zone} ({hours})</source>
      <translation>{zone} ({hours})</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Reading, {zone}</source>
      <translation>Показание, {zone}</translation>
    </message>
    <message>
      <location line="+10" />
      <source>Error, {zone}</source>
      <translation>Ошибка, {zone}</translation>
    </message>
    <message>
      <location line="+16" />
      <source>Confirm a rollover</source>
      <translation>Подтвердить переход через ноль</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Consumption and charge</source>
      <translation>Расход и начисление</translation>
    </message>
    <message>
      <location line="+5" />
      <source>The meter was replaced…</source>
      <translation>Счётчик заменили…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Record a meter replacement</source>
      <translation>Записать замену счётчика</translation>
    </message>
    <message>
      <location line="+136" />
      <source>The amount cannot be counted yet: the price from {day} is not known ({plan}, zone «{zone}»). The reading can be saved all the same; the price from the bill goes in Journal → Settings → Prices.</source>
      <translation>Сумму пока не посчитать: неизвестна цена с {day} (тариф «{plan}», зона «{zone}»). Показания всё равно можно сохранить; цену из квитанции введите в меню Журнал → Настройки → Цены.</translation>
    </message>
    <message>
      <location line="-149" />
      <source>Yes, the meter started again from zero</source>
      <translation>Да, счётчик начал снова с нуля</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Other ways: SMS, phone…</source>
      <translation>Другие способы: SMS, телефон…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Other ways to submit: SMS, phone, e-mail</source>
      <translation>Другие способы передать: SMS, телефон, электронная почта</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Save the reading</source>
      <translation>Сохранить показания</translation>
    </message>
    <message>
      <location line="+129" />
      <source>act</source>
      <translation>по акту</translation>
    </message>
    <message>
      <location line="-96" />
      <source>This reading counts for {period}.</source>
      <translation>Эти показания будут учтены за {period}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Readings taken after the 25th count for the next month.</source>
      <translation>Показания, снятые после 25-го числа, учитываются в следующем месяце.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>There is already a reading for this month; saving will ask to replace it.</source>
      <translation>За этот месяц показания уже есть; при сохранении программа спросит, заменить ли их.</translation>
    </message>
    <message>
      <location line="+7" />
      <source>In the installation act: {value} on {date}</source>
      <translation>В акте установки: {value} от {date}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Last reading: {value} on {date}</source>
      <translation>Прошлое показание: {value} от {date}</translation>
    </message>
    <message>
      <location line="+29" />
      <source>Type the reading of every zone.</source>
      <translation>Введите показания каждой зоны.</translation>
    </message>
    <message>
      <location line="+56" />
      <source>Less than the previous reading, {previous} ({source}). If the meter went past all nines and started again from zero, tick the box below; otherwise please check the value.</source>
      <translation>Меньше прежнего показания {previous} ({source}). Если счётчик дошёл до всех девяток и начал снова с нуля, отметьте это ниже; иначе проверьте значение.</translation>
    </message>
    <message>
      <location line="+12" />
      <source>The amount for this month will be counted once the reading is saved.</source>
      <translation>Сумма за этот месяц будет посчитана после сохранения.</translation>
    </message>
    <message>
      <location line="+24" />
      <source>{zone}: {kwh} kWh</source>
      <translation>{zone}: {kwh} кВт·ч</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Since {date}: {parts}. Estimated charge: {total}.</source>
      <translation>С {date}: {parts}. Примерное начисление: {total}.</translation>
    </message>
    <message>
      <location line="+28" />
      <source>The previous figure is the meter's installation act, and it may itself have been typed wrong. If so, answer no and correct the act: «Account and meter» tab → «Correct the act's data…».</source>
      <translation>Предыдущее число — из акта установки счётчика, и, возможно, в нём самом ошибка. Если так, ответьте «нет» и исправьте акт: вкладка «Лицевой счёт и счётчик» → «Исправить данные акта…».</translation>
    </message>
    <message>
      <location line="+23" />
      <source>The reading was not saved</source>
      <translation>Показания не сохранены</translation>
    </message>
    <message>
      <location line="+21" />
      <location line="+3" />
      <source>Saving the reading…</source>
      <translation>Показания сохраняются…</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Close the window?</source>
      <translation>Закрыть окно?</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Close the window? The readings you typed will not be saved.</source>
      <translation>Закрыть окно? Введённые показания не сохранятся.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Yes, close</source>
      <translation>&amp;Да, закрыть</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, close the window without saving</source>
      <translation>Да, закрыть окно без сохранения</translation>
    </message>
  </context>
  <context>
    <name>ReadingHelpDialog</name>
    <message>
      <location filename="../../ui/help_dialogs.py" line="+53" />
      <source>How to read a meter</source>
      <translation>Как снять показания счётчика</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&lt;ol&gt;&lt;li&gt;Write down the black digits before the comma.&lt;/li&gt;&lt;li&gt;Leave out the red digit after the comma (on some meters it is in a red frame).&lt;/li&gt;&lt;li&gt;Zeros at the start do not matter: 012345 is written 12345.&lt;/li&gt;&lt;li&gt;A two- or three-zone meter shows each zone in turn (T1, T2, T3): wait for each one, or press the meter's button, and write each zone in its own field.&lt;/li&gt;&lt;/ol&gt;</source>
      <translation>&lt;ol&gt;&lt;li&gt;Запишите чёрные цифры до запятой.&lt;/li&gt;&lt;li&gt;Красную цифру после запятой не пишите (на некоторых счётчиках она в красной рамке).&lt;/li&gt;&lt;li&gt;Нули в начале не важны: 012345 записывается как 12345.&lt;/li&gt;&lt;li&gt;Двухзонный или трёхзонный счётчик показывает зоны по очереди (T1, T2, T3): дождитесь каждой зоны или нажмите кнопку на счётчике и запишите каждую зону в своё поле.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
  </context>
  <context>
    <name>ReceiptDialog</name>
    <message>
      <location filename="../../ui/receipt_dialog.py" line="+47" />
      <location line="+154" />
      <source>Payment receipt</source>
      <translation>Квитанция на оплату</translation>
    </message>
    <message>
      <location line="-150" />
      <source>Month of the receipt</source>
      <translation>Месяц квитанции</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Amount to pay, roubles</source>
      <translation>Сумма к оплате, в рублях</translation>
    </message>
    <message>
      <location line="+4" />
      <source>What the sum is made of</source>
      <translation>Из чего складывается сумма</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Enter the bank details from the bill…</source>
      <translation>Ввести реквизиты из квитанции…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Enter the payee's bank details from the bill</source>
      <translation>Ввести банковские реквизиты получателя из квитанции</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Month:</source>
      <translation>Месяц:</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Amount, ₽:</source>
      <translation>Сумма, ₽:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Print…</source>
      <translation>Напечатать…</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+176" />
      <source>Print the receipt</source>
      <translation>Напечатать квитанцию</translation>
    </message>
    <message>
      <location line="-175" />
      <source>Save as PDF…</source>
      <translation>Сохранить в PDF…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Save the receipt as a PDF file</source>
      <translation>Сохранить квитанцию в файл PDF</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open</source>
      <translation>Открыть</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open the receipt in the PDF viewer</source>
      <translation>Открыть квитанцию в программе просмотра PDF</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+1" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location line="+38" />
      <source>There are no readings yet, so there is nothing to pay for.</source>
      <translation>Показаний пока нет, поэтому платить пока не за что.</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Nothing to pay: the payments cover the charges. To print a receipt anyway, type the amount to pay.</source>
      <translation>Платить ничего не нужно: платежи покрывают начисления. Чтобы всё равно напечатать квитанцию, введите сумму к оплате.</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Charged for {month}: {amount}</source>
      <translation>Начислено за {month}: {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Debt at the start of the period: {amount}</source>
      <translation>Долг на начало периода: {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Overpayment at the start of the period: {amount}</source>
      <translation>Переплата на начало периода: {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid in the period: {amount}</source>
      <translation>Оплачено в периоде: {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Paid after the period: {amount}</source>
      <translation>Оплачено после периода: {amount}</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Total to pay: {amount}</source>
      <translation>Итого к оплате: {amount}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The sum is counted to {date}.</source>
      <translation>Сумма посчитана на {date}.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>SAMPLE, not for payment</source>
      <translation>ОБРАЗЕЦ, не для оплаты</translation>
    </message>
    <message>
      <location line="+35" />
      <source>Preparing the receipt…</source>
      <translation>Готовим квитанцию…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+24" />
      <source>Save the receipt</source>
      <translation>Сохранение квитанции</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Receipt {number} {month}.pdf</source>
      <translation>Квитанция {number} {month}.pdf</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Saved: {path}</source>
      <translation>Сохранено: {path}</translation>
    </message>
    <message>
      <location line="+18" />
      <source>Not printed</source>
      <translation>Не напечатано</translation>
    </message>
  </context>
  <context>
    <name>ReminderNotice</name>
    <message>
      <location filename="../../ui/reminder_notice.py" line="+36" />
      <location line="+4" />
      <source>Meter Journal reminds you</source>
      <translation>Журнал показаний напоминает</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Reminder</source>
      <translation>Напоминание</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+2" />
      <source>Open the journal</source>
      <translation>Открыть журнал</translation>
    </message>
    <message>
      <location line="+3" />
      <location line="+1" />
      <source>Remind me tomorrow</source>
      <translation>Напомнить завтра</translation>
    </message>
    <message numerus="yes">
      <location line="+23" />
      <source>…and %n more in the journal.</source>
      <translation>
        <numerusform>…и ещё %n в журнале.</numerusform>
        <numerusform>…и ещё %n в журнале.</numerusform>
        <numerusform>…и ещё %n в журнале.</numerusform>
      </translation>
    </message>
    <message>
      <location line="+5" />
      <source>Submit the readings for {month} (account {account}): the supplier takes them until {day}.</source>
      <translation>Передайте показания за {month} (лицевой счёт {account}): Самараэнерго принимает их до {day}.</translation>
    </message>
    <message numerus="yes">
      <location line="+6" />
      <source>%n reading(s) of account {account} have not reached the supplier yet.</source>
      <translation>
        <numerusform>%n показание по лицевому счёту {account} ещё не дошло до Самараэнерго.</numerusform>
        <numerusform>%n показания по лицевому счёту {account} ещё не дошли до Самараэнерго.</numerusform>
        <numerusform>%n показаний по лицевому счёту {account} ещё не дошли до Самараэнерго.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location line="+3" />
      <source>%n reading(s) of account {account} are being checked with the supplier.</source>
      <translation>
        <numerusform>%n показание по лицевому счёту {account} отправлено без подтверждения: журнал проверит его у Самараэнерго.</numerusform>
        <numerusform>%n показания по лицевому счёту {account} отправлены без подтверждения: журнал проверит их у Самараэнерго.</numerusform>
        <numerusform>%n показаний по лицевому счёту {account} отправлены без подтверждения: журнал проверит их у Самараэнерго.</numerusform>
      </translation>
    </message>
    <message>
      <location line="+5" />
      <source>The bill of account {account} was due on {day}; no payment is recorded.</source>
      <translation>Счёт по лицевому счёту {account} нужно было оплатить до {day}; оплата в журнале не записана.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The bill of account {account} is to be paid by {day}; no payment is recorded.</source>
      <translation>Счёт по лицевому счёту {account} нужно оплатить до {day}; оплата в журнале не записана.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>The bill of account {account} for {amount} was due on {day}; no payment is recorded.</source>
      <translation>Счёт по лицевому счёту {account} на {amount} нужно было оплатить до {day}; оплата в журнале не записана.</translation>
    </message>
    <message>
      <location line="+1" />
      <source>The bill of account {account} for {amount} is to be paid by {day}; no payment is recorded.</source>
      <translation>Счёт по лицевому счёту {account} на {amount} нужно оплатить до {day}; оплата в журнале не записана.</translation>
    </message>
  </context>
  <context>
    <name>RemindersOfferDialog</name>
    <message>
      <location filename="../../ui/welcome_dialog.py" line="+50" />
      <source>Your journal is ready</source>
      <translation>Журнал готов</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Meter Journal can remind you to submit the readings (from day {first} to day {last} of the month) and to pay the bill even when its window is closed: a reminder appears in the corner of the screen. You can change this later in Settings.</source>
      <translation>Журнал может напоминать, что пора передать показания (с {first} по {last} число месяца) и оплатить счёт, даже когда его окно закрыто: напоминание появится в углу экрана. Это можно изменить потом в настройках.</translation>
    </message>
    <message>
      <location line="+5" />
      <location line="+2" />
      <source>Remind me about readings and payments</source>
      <translation>Напоминать мне о показаниях и оплате</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+2" />
      <source>Done</source>
      <translation>Готово</translation>
    </message>
  </context>
  <context>
    <name>ReplaceMeterWizard</name>
    <message>
      <location filename="../../ui/account_dialogs.py" line="+70" />
      <source>Meter replacement</source>
      <translation>Замена счётчика</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Next</source>
      <translation>Далее</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Back</source>
      <translation>Назад</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Save the replacement</source>
      <translation>Сохранить замену</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+5" />
      <source>The old meter</source>
      <translation>Старый счётчик</translation>
    </message>
    <message>
      <location line="+11" />
      <source>The final readings of the old meter, from the replacement act, by zone.</source>
      <translation>Последние показания старого счётчика из акта замены, по зонам.</translation>
    </message>
    <message>
      <location line="-9" />
      <source>Final reading of the old meter</source>
      <translation>Последние показания старого счётчика</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Final readings of the old meter, one field per zone</source>
      <translation>Последние показания старого счётчика, по полю на каждую зону</translation>
    </message>
    <message>
      <location line="+13" />
      <source>The new meter</source>
      <translation>Новый счётчик</translation>
    </message>
    <message>
      <location line="+16" />
      <source>From the new meter's installation act.</source>
      <translation>Из акта установки нового счётчика.</translation>
    </message>
    <message>
      <location line="-8" />
      <source>Tariff plan from now on:</source>
      <translation>Тариф с этого дня:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tariff plan of the new meter</source>
      <translation>Тариф нового счётчика</translation>
    </message>
    <message>
      <location line="+35" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/settings_dialog.py" line="+64" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Settings sections</source>
      <translation>Разделы настроек</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Appearance</source>
      <translation>Внешний вид</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Data and backups</source>
      <translation>Данные и резервные копии</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Prices</source>
      <translation>Цены</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Apply</source>
      <translation>Применить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Apply the settings</source>
      <translation>Применить настройки</translation>
    </message>
    <message>
      <location line="+30" />
      <source>Text size, percent</source>
      <translation>Размер текста, в процентах</translation>
    </message>
    <message>
      <location line="+1" />
      <location line="+2" />
      <source>High contrast</source>
      <translation>Высокая контрастность</translation>
    </message>
    <message>
      <location line="+1" />
      <source>White and yellow on black.</source>
      <translation>Белый и жёлтый на чёрном.</translation>
    </message>
    <message>
      <location line="+7" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Text size:</source>
      <translation>Размер текста:</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Language:</source>
      <translation>Язык:</translation>
    </message>
    <message>
      <location line="+4" />
      <location line="+2" />
      <source>Remind me about readings and payments</source>
      <translation>Напоминать мне о показаниях и оплате</translation>
    </message>
    <message>
      <location line="+2" />
      <source>A reminder appears in the corner of the screen even when the journal is closed.</source>
      <translation>Напоминание появляется в углу экрана, даже когда журнал закрыт.</translation>
    </message>
    <message>
      <location line="+15" />
      <location line="+115" />
      <source>Data folder</source>
      <translation>Папка с данными</translation>
    </message>
    <message>
      <location line="-114" />
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Choose the data folder</source>
      <translation>Выбрать папку с данными</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Data folder:</source>
      <translation>Папка с данными:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>A new folder takes effect at the next start.</source>
      <translation>Новая папка начнёт использоваться после перезапуска программы.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Make a backup copy every day</source>
      <translation>Делать резервную копию каждый день</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Daily backup copy</source>
      <translation>Ежедневная резервная копия</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Number of daily copies to keep</source>
      <translation>Сколько ежедневных копий хранить</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Keep the last:</source>
      <translation>Хранить копий:</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Backup copies</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Restore the selected copy…</source>
      <translation>Восстановить выбранную копию…</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Restore the selected backup copy</source>
      <translation>Восстановить выбранную резервную копию</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Backup copies:</source>
      <translation>Резервные копии:</translation>
    </message>
    <message>
      <location line="+3" />
      <source>No copies yet. With the daily copy on, the program makes one each day it starts.</source>
      <translation>Копий пока нет. Если включена ежедневная копия, программа делает её каждый день при запуске.</translation>
    </message>
    <message>
      <location line="+11" />
      <source>If the program does not know a price, or your bill shows another one, enter the price printed on the bill and the date it applies from.</source>
      <translation>Если программа не знает цену или в вашей квитанции указана другая, введите цену из квитанции и дату, с которой она действует.</translation>
    </message>
    <message>
      <location line="+14" />
      <source>Price per kWh, roubles</source>
      <translation>Цена за кВт·ч, в рублях</translation>
    </message>
    <message>
      <location line="+0" />
      <source>e.g. 6,95</source>
      <translation>например, 6,95</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Home:</source>
      <translation>Тип жилья:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Consumer category</source>
      <translation>Категория потребителя</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Tariff plan:</source>
      <translation>Тариф:</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Tariff plan</source>
      <translation>Тариф</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Price valid from</source>
      <translation>Цена действует с</translation>
    </message>
    <message>
      <location line="+12" />
      <source>Look up the prices on the supplier's site</source>
      <translation>Узнать цены на сайте поставщика</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Look up the prices on the supplier's site and show their sources</source>
      <translation>Узнать цены на сайте поставщика и показать их источники</translation>
    </message>
    <message>
      <location line="+61" />
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Saved: from {day}, {prices}.</source>
      <translation>Сохранено: с {day} — {prices}.</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Replace the prices?</source>
      <translation>Заменить цены?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Prices from {date} are already entered: {prices}. Replace them with the new ones?</source>
      <translation>Цены с {date} уже введены: {prices}. Заменить их новыми?</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Yes, replace</source>
      <translation>&amp;Да, заменить</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Yes, replace the prices</source>
      <translation>Да, заменить цены</translation>
    </message>
    <message>
      <location line="-86" />
      <location line="+1" />
      <source>Save the price</source>
      <translation>Сохранить цену</translation>
    </message>
    <message>
      <location line="-9" />
      <source>Valid from:</source>
      <translation>Действует с:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>₽ per kWh, by zone:</source>
      <translation>₽ за кВт·ч, по зонам:</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Prices per kWh, one field per zone</source>
      <translation>Цены за кВт·ч, по полю на каждую зону</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Saved prices</source>
      <translation>Сохранённые цены</translation>
    </message>
    <message>
      <location line="+27" />
      <source>daily copy</source>
      <translation>ежедневная копия</translation>
    </message>
    <message>
      <location line="+2" />
      <source>copy made before the program's update</source>
      <translation>копия перед обновлением программы</translation>
    </message>
    <message>
      <location line="+2" />
      <source>copy made before a restore</source>
      <translation>копия перед восстановлением</translation>
    </message>
    <message>
      <location line="+15" />
      <source>Restore a backup copy</source>
      <translation>Восстановление из резервной копии</translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message>
      <location filename="../../ui/sync_controller.py" line="+46" />
      <source>Connecting to the supplier's personal account…</source>
      <translation>Подключаемся к личному кабинету Самараэнерго…</translation>
    </message>
    <message>
      <location line="+0" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Sending readings</source>
      <translation>Передача показаний</translation>
    </message>
    <message>
      <location line="+37" />
      <source>Done.</source>
      <translation>Готово.</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location line="+25" />
      <source>Address of the personal account</source>
      <translation>Адрес личного кабинета</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Another sync is already running.</source>
      <translation>Обмен данными с личным кабинетом уже идёт.</translation>
    </message>
    <message>
      <location line="+17" />
      <source>Not confirmed yet: {count}; they are checked later and never sent twice.</source>
      <translation>Не подтверждено пока: {count}; программа проверит позже и дважды не отправит.</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Sent: {sent}; accepted: {accepted}; rejected: {rejected}; waiting: {waiting}.</source>
      <translation>Отправлено: {sent}; принято к расчёту: {accepted}; отклонено: {rejected}; ждут отправки: {waiting}.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>From the personal account: bills {bills} (new: {new_bills}), payments {payments} (new: {new_payments}).</source>
      <translation>Из личного кабинета: счета {bills} (новых: {new_bills}), оплаты {payments} (новых: {new_payments}).</translation>
    </message>
    <message>
      <location line="-6" />
      <source>Not sent, as they were deleted or corrected in the journal: {count}.</source>
      <translation>Не отправлено, так как в журнале они удалены или исправлены: {count}.</translation>
    </message>
    <message>
      <location line="-9" />
      <source>The exchange stopped at its time limit: the personal account answers too slowly. Nothing is lost; the rest is done next time.</source>
      <translation>Обмен остановлен по истечении отведённого времени: личный кабинет отвечает слишком медленно. Ничего не потеряно; остальное будет сделано в следующий раз.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>The personal account cannot be reached now; the readings stay queued and will be sent later.</source>
      <translation>Сейчас нет связи с личным кабинетом; показания ждут отправки и будут отправлены позже.</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <location filename="../../ui/welcome_dialog.py" line="-44" />
      <source>Welcome to Meter Journal</source>
      <translation>Добро пожаловать в «Журнал показаний»</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&lt;h2&gt;Welcome!&lt;/h2&gt;&lt;p&gt;Meter Journal keeps your electricity meter readings, counts what each month costs and reminds you to submit them.&lt;/p&gt;&lt;p&gt;To start, you need your bill (for the personal account number) and the meter's installation act (for its first readings).&lt;/p&gt;</source>
      <translation>&lt;h2&gt;Добро пожаловать!&lt;/h2&gt;&lt;p&gt;«Журнал показаний» хранит показания вашего счётчика электроэнергии, считает, сколько стоит каждый месяц, и напоминает вовремя их передать.&lt;/p&gt;&lt;p&gt;Для начала вам понадобятся квитанция (в ней номер лицевого счёта) и акт установки счётчика (в нём первые показания).&lt;/p&gt;</translation>
    </message>
    <message>
      <location line="+5" />
      <source>Start my journal</source>
      <translation>Начать свой журнал</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Start my journal: add the account and the meter</source>
      <translation>Начать свой журнал: добавить лицевой счёт и счётчик</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Look around with a sample household first</source>
      <translation>Сначала посмотреть на образце</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Open a sample household</source>
      <translation>Открыть образец</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../ui/exception_hook.py" line="+24" />
      <source>Something went wrong, but your saved readings are safe. Please restart the program. The details are in the log file:
{path}</source>
      <translation>Что-то пошло не так, но ваши сохранённые показания в целости. Пожалуйста, перезапустите программу. Подробности записаны в файл отчёта:
{path}</translation>
    </message>
  </context>
  <context>
    <name>common</name>
    <message>
      <location filename="../../ui/dialog_buttons.py" line="+23" />
      <location line="+1" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+11" />
      <location line="+1" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location filename="../../ui/account_form.py" line="-104" />
      <location filename="../../ui/date_field.py" line="-63" />
      <source>error</source>
      <translation>ошибка</translation>
    </message>
  </context>
  <context>
    <name>confirmations</name>
    <message>
      <location filename="../../ui/confirmations.py" line="+46" />
      <source>No, go back to typing</source>
      <translation>Нет, вернуться к вводу</translation>
    </message>
    <message>
      <location line="+5" />
      <source>No, leave it as it is</source>
      <translation>Нет, оставить как есть</translation>
    </message>
    <message>
      <location line="+158" />
      <source>{kwh} kWh</source>
      <translation>{kwh} кВт·ч</translation>
    </message>
    <message>
      <location line="+8" />
      <source>you usually use about {kwh} a month</source>
      <translation>обычно вы расходуете около {kwh} в месяц</translation>
    </message>
    <message>
      <location line="+3" />
      <source>that is less than your usual month ({usual})</source>
      <translation>это меньше вашего обычного месяца ({usual})</translation>
    </message>
    <message>
      <location line="+2" />
      <source>that is about your usual month ({usual})</source>
      <translation>это примерно ваш обычный месяц ({usual})</translation>
    </message>
    <message numerus="yes">
      <location line="+5" />
      <source>that is about %Ln of your usual months ({usual})</source>
      <translation>
        <numerusform>это примерно %Ln ваш обычный месяц ({usual})</numerusform>
        <numerusform>это примерно %Ln ваших обычных месяца ({usual})</numerusform>
        <numerusform>это примерно %Ln ваших обычных месяцев ({usual})</numerusform>
      </translation>
    </message>
    <message>
      <location line="+8" />
      <source>{zone} {kwh}</source>
      <translation>{zone} — {kwh}</translation>
    </message>
    <message>
      <location line="+2" />
      <source>{parts}, in all {total}</source>
      <translation>{parts}, всего {total}</translation>
    </message>
    <message>
      <location line="+11" />
      <source>The new reading {value} is less than the previous one, {previous} of {date}.</source>
      <translation>Новое показание {value} меньше прежнего — {previous} от {date}.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>{zone}: the new reading {value} is less than the previous one, {previous} of {date}.</source>
      <translation>{zone}: новое показание {value} меньше прежнего — {previous} от {date}.</translation>
    </message>
    <message>
      <location line="+10" />
      <source>If this is a rollover, the consumption since {date} will be {stored}.</source>
      <translation>Если это переход через ноль, расход с {date} будет {stored}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>How much you usually use in a month is not known yet: the journal has too few readings.</source>
      <translation>Сколько вы обычно расходуете за месяц, пока неизвестно: в журнале мало показаний.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>If this is a rollover, the consumption since {date} will be {stored} — {usual}.</source>
      <translation>Если это переход через ноль, расход с {date} будет {stored} — {usual}.</translation>
    </message>
    <message>
      <location line="+10" />
      <source>The consumption since {date} will be {stored} — {usual}.</source>
      <translation>Расход с {date} будет {stored} — {usual}.</translation>
    </message>
    <message>
      <location line="+8" />
      <source>Most likely the reading has a typo.</source>
      <translation>Скорее всего, в показаниях опечатка.</translation>
    </message>
    <message numerus="yes">
      <location line="+5" />
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n день</numerusform>
        <numerusform>%n дня</numerusform>
        <numerusform>%n дней</numerusform>
      </translation>
    </message>
    <message>
      <location line="+2" />
      <source>The consumption of {kwh} in {days} is far more than a home uses.</source>
      <translation>Расход {kwh} за {days} — намного больше, чем тратит дом.</translation>
    </message>
    <message>
      <location line="+3" />
      <source>{zone}: the consumption of {kwh} in {days} is far more than a home uses.</source>
      <translation>{zone}: расход {kwh} за {days} — намного больше, чем тратит дом.</translation>
    </message>
    <message>
      <location line="+4" />
      <source>Perhaps a digit too many: please check the reading {value}.</source>
      <translation>Возможно, лишняя цифра: проверьте показание {value}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Perhaps a digit is missing: please check the reading {value}.</source>
      <translation>Возможно, пропущена цифра: проверьте показание {value}.</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Perhaps a digit is wrong: please check the reading {value}.</source>
      <translation>Возможно, ошибка в цифре: проверьте показание {value}.</translation>
    </message>
    <message>
      <location line="+8" />
      <source>&amp;Yes, save</source>
      <translation>&amp;Да, сохранить</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Is this a rollover?</source>
      <translation>Это переход через ноль?</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Unusually large consumption</source>
      <translation>Необычно большой расход</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Replace this month's reading?</source>
      <translation>Заменить показания за этот месяц?</translation>
    </message>
    <message>
      <location line="+1" />
      <source>&amp;Yes, replace</source>
      <translation>&amp;Да, заменить</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Please confirm</source>
      <translation>Подтвердите, пожалуйста</translation>
    </message>
  </context>
  <context>
    <name>launch</name>
    <message>
      <location filename="../../ui/main_window.py" line="-436" />
      <source>Opening the journal…</source>
      <translation>Открываю журнал…</translation>
    </message>
  </context>
  <context>
    <name>operations</name>
    <message>
      <location filename="../../ui/operations.py" line="+118" />
      <location line="+70" />
      <source>Saving…</source>
      <translation>Сохраняю…</translation>
    </message>
    <message>
      <location line="+73" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location line="+11" />
      <source>Stopping…</source>
      <translation>Останавливаю…</translation>
    </message>
  </context>
  <context>
    <name>payee</name>
    <message>
      <location filename="../../ui/payee_dialog.py" line="-177" />
      <source>Payee: {name}</source>
      <translation>Получатель: {name}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>INN {inn}, KPP {kpp}</source>
      <translation>ИНН {inn}, КПП {kpp}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Settlement account: {account}</source>
      <translation>Расчётный счёт: {account}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Bank: {bank}, BIC {bic}</source>
      <translation>Банк: {bank}, БИК {bic}</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Correspondent account: {corr}</source>
      <translation>Корреспондентский счёт: {corr}</translation>
    </message>
    <message>
      <location line="+13" />
      <source>The journal already has other bank details of the payee. Replace them with the bill's?

Now:
{current}

From the bill:
{new}</source>
      <translation>В журнале уже есть другие реквизиты получателя. Заменить их реквизитами из счёта?

Сейчас:
{current}

Из счёта:
{new}</translation>
    </message>
    <message>
      <location line="+3" />
      <source>Replace the bank details?</source>
      <translation>Заменить реквизиты?</translation>
    </message>
    <message>
      <location line="+2" />
      <source>&amp;Yes, replace</source>
      <translation>&amp;Да, заменить</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Yes, replace the bank details with the bill's</source>
      <translation>Да, заменить реквизиты реквизитами из счёта</translation>
    </message>
  </context>
  <context>
    <name>reminders</name>
    <message>
      <location filename="../../ui/reminder_setting.py" line="+27" />
      <source>The reminders could not be turned on or off: {error}</source>
      <translation>Не удалось включить или выключить напоминания: {error}</translation>
    </message>
  </context>
  <context>
    <name>texts</name>
    <message>
      <location filename="../../ui/texts.py" line="+16" />
      <source>All day</source>
      <translation>Круглосуточно</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Day</source>
      <translation>День</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Night</source>
      <translation>Ночь</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Peak</source>
      <translation>Пик</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Semi-peak</source>
      <translation>Полупик</translation>
    </message>
    <message>
      <location line="+6" />
      <source>Single-rate</source>
      <translation>Одноставочный</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Two-zone (day and night)</source>
      <translation>Двухзонный (день и ночь)</translation>
    </message>
    <message>
      <location line="+1" />
      <source>Three-zone (peak, semi-peak, night)</source>
      <translation>Трёхзонный (пик, полупик, ночь)</translation>
    </message>
    <message>
      <location line="+6" />
      <source>City home with a gas stove</source>
      <translation>Городской дом с газовой плитой</translation>
    </message>
    <message>
      <location line="+1" />
      <source>City home with an electric stove or heating</source>
      <translation>Городской дом с электроплитой или электроотоплением</translation>
    </message>
    <message>
      <location line="+2" />
      <source>Countryside</source>
      <translation>Сельская местность</translation>
    </message>
    <message>
      <location line="+7" />
      <source>replaced by a newer reading</source>
      <translation>заменено более новым показанием</translation>
    </message>
    <message>
      <location line="+1" />
      <source>corrected</source>
      <translation>исправлено</translation>
    </message>
    <message>
      <location line="+1" />
      <source>deleted</source>
      <translation>удалено</translation>
    </message>
    <message>
      <location line="+1" />
      <source>undone</source>
      <translation>отменено</translation>
    </message>
    <message>
      <location line="+10" />
      <source>waiting to be sent</source>
      <translation>ждёт отправки</translation>
    </message>
    <message>
      <location line="+1" />
      <source>not confirmed yet, being checked</source>
      <translation>пока не подтверждено, проверяется</translation>
    </message>
    <message>
      <location line="+1" />
      <source>sent to the supplier</source>
      <translation>отправлено поставщику</translation>
    </message>
    <message>
      <location line="+1" />
      <source>accepted for billing</source>
      <translation>принято к расчёту</translation>
    </message>
    <message>
      <location line="+1" />
      <source>rejected by the supplier</source>
      <translation>отклонено поставщиком</translation>
    </message>
    <message>
      <location line="+13" />
      <source>{amount} ₽</source>
      <translation>{amount} ₽</translation>
    </message>
    <message>
      <location line="+15" />
      <source>{value} ({zone})</source>
      <translation>{value} ({zone})</translation>
    </message>
    <message>
      <location line="+27" />
      <source>{price} ₽/kWh</source>
      <translation>{price} ₽/кВт·ч</translation>
    </message>
  </context>
</TS>
