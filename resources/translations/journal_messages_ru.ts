<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>journal</name>
    <message>
      <location filename="journal/payees.py" line="146" />
      <source>A Russian bank's BIC starts with 04; {bic} does not. Compare it with your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="163" />
      <source>A bank's correspondent account starts with 30101; {corr} does not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="74" />
      <source>A date is written as YYYY-MM-DD, e.g. 2026-03-20; got {text!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="105" />
      <source>A meter reading cannot be negative; got {item} for T{index}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="57" />
      <source>A meter shows {MIN_DIGITS} to {MAX_DIGITS} whole digits (before the comma); {value!r} is not that.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/periods.py" line="28" />
      <source>A period is written as YYYY-MM, e.g. 2026-03; got {text!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="67" />
      <source>A period is written as YYYY-MM; got {period!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="329" />
      <source>A price cannot be negative; got {raw}. Enter the price printed on your bill, e.g. 6.95.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="335" />
      <source>A price has at most {MAX_PRICE_DECIMALS} decimal places, e.g. 6.95 or 4.1700; got {raw}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="65" />
      <source>A price must be a positive Decimal or None; got {self.price!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="341" />
      <source>A price must be greater than zero; got {raw}. Enter the price printed on your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="346" />
      <source>A price of {raw} ₽ per kWh is far above any household tariff. Enter the price per kWh printed on your bill, e.g. 6.95.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="389" />
      <source>A price start date can be at most one year ahead, up to {latest.isoformat()}; got {day.isoformat()}. Check the date on your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="383" />
      <source>A price start date must be {EARLIEST_PRICE_DATE.isoformat()} or later; got {day.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="209" />
      <source>A replaced meter's final reading is part of the replacement and cannot be changed here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="21" />
      <source>An account number is 6 to 14 digits, as printed on the bill; {text!r} is not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="404" />
      <source>An amount has at most 2 decimal places (kopecks); got {raw}. Write it like 1234.56.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="410" />
      <source>An amount of {raw} ₽ is above {_MAX_MONEY_TEXT} ₽; check the figure.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="430" />
      <source>An amount paid cannot be negative; got {raw}. Enter the sum you paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="432" />
      <source>An amount paid must be greater than zero; got {raw}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="59" />
      <source>An amount to pay is roubles and kopecks, zero or more; got {amount}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/billing.py" line="299" />
      <source>An estimate needs a day after {source} ({previous_date.isoformat()}); got {day.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/forecast.py" line="42" />
      <source>An interval must end after it starts; got {previous_date.isoformat()} to {current_date.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="426" />
      <source>Enter the amount in roubles, e.g. 1234.56.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="441" />
      <source>Enter the opening balance in roubles: positive for a debt, negative for an advance, or 0.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="319" />
      <source>Enter the price per kWh printed on your bill, e.g. 6.95.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/exchange.py" line="58" />
      <source>Line 1: the file must start with the header {','.join(HEADER)}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="25" />
      <source>Monthly kWh limits of the volume bands: band I up to 1,200, band II 1,200–6,000, band III above.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="95" />
      <source>No price is known for {day.isoformat()}, category {category}, plan {plan}, zone {zone}{band_text}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="366" />
      <source>Plan {plan} needs {needed}, in the zone order {' / '.join(zones)}; got {len(parts)}. Write decimals with a point, e.g. {_PRICE_EXAMPLES[plan]}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="87" />
      <source>Please fill in the {label}, as printed on your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="29" />
      <source>Please fill in the {label}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="168" />
      <source>The BIC {bic} matches neither the settlement account nor the correspondent account: most likely a digit of the BIC is mistyped. Compare the BIC with your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/meters.py" line="88" />
      <source>The account {account.number} already has a meter; to change it, record a replacement (meter replace).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/meters.py" line="38" />
      <source>The account {account.number} has no meter yet. Add it from its installation act (meter add).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="43" />
      <source>The account {account.number} has no meter {serial}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/accounts.py" line="46" />
      <source>The account {number} is already in the journal.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="143" />
      <source>The bank's BIC is 9 digits; {text!r} is not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/charges.py" line="86" />
      <source>The consumption of zone {zone} is missing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/charges.py" line="90" />
      <source>The consumption of zone {zone} must be a whole number of kWh, zero or more; got {kwh!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/charges.py" line="111" />
      <source>The consumption of {total_kwh:,} kWh is above the {limit:,} kWh monthly limit of volume band {BAND_NAMES[band - 1]}, and band {BAND_NAMES[band]} prices are unknown: the kWh above {limit:,} are priced at band {BAND_NAMES[priced_at]} prices, so the amount is a lower bound. Check it against your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="180" />
      <source>The correspondent account {corr} does not match the BIC {bic}: a digit of the correspondent account (or the BIC's 5th–6th digit) is mistyped. Compare both with your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/charges.py" line="129" />
      <source>The current reading's date {current_date.isoformat()} must be after the previous reading's date {previous_date.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/database.py" line="105" />
      <source>The data folder {path.parent} cannot be created: {exc.strerror}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/billing.py" line="327" />
      <source>The date {day.isoformat()} is before {EARLIEST_PRICE_DATE.isoformat()}; check it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="79" />
      <source>The date {day.isoformat()} is in the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="59" />
      <source>The date {taken_on.isoformat()} is not after the meter's installation on {meters[0].installed_on.isoformat()}; the installation act already gives that day's values.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="226" />
      <source>The end date {through.isoformat()} must be after the start date {after.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="91" />
      <source>The file {path} is a database of another program, not a Meter Journal. It was left untouched.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="63" />
      <source>The file {path} is not a Meter Journal: it is not a database at all, or it is damaged. It was left untouched; restore a backup copy or choose another data folder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="84" />
      <source>The journal file {path} is damaged (integrity check failed). It was left untouched; restore a backup copy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="80" />
      <source>The journal file {path} is damaged ({exc}). It was left untouched; restore a backup copy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/storage/schema.py" line="95" />
      <source>The journal file {path} was written by a newer version of Meter Journal. Install the newer version to open it; the file was left untouched.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="246" />
      <source>The last change is a meter replacement, which cannot be undone here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="114" />
      <source>The meter has {digit_count} digits before the comma, but {item} for T{index} has more. Leave out the digits after the comma (often red).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="53" />
      <source>The meter {meter.serial} was replaced on {meter.removed_on.isoformat()}; a reading after that belongs to the new meter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="66" />
      <source>The meter's serial number {text!r} is not valid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/meters.py" line="121" />
      <source>The new meter must be installed after the old meter's last reading or installation ({previous_date.isoformat()}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/billing.py" line="339" />
      <source>The note is too long (at most {MAX_NOTE} characters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/meters.py" line="130" />
      <source>The old meter's final value {after} for T{index} is below its previous reading {before}. Confirm a rollover if its drum went past all nines, or check the value.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="116" />
      <source>The payee's INN is 10 digits for an organisation (12 for a person); {text!r} is not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="124" />
      <source>The payee's INN {inn} fails its check digit: a digit is mistyped. Compare it with your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="134" />
      <source>The payee's KPP is 9 characters, digits (the 5th and 6th may be Latin letters A–Z); {text!r} is not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payment_qr.py" line="103" />
      <source>The payment QR code needs the payee's {key}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/forecast.py" line="79" />
      <source>The period end {period_end.isoformat()} must not be before the last reading's date {last_reading_date.isoformat()}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="140" />
      <source>The portal answered with an error ({status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="117" />
      <source>The portal cannot be reached ({kind}); the readings stay queued.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="122" />
      <source>The portal did not answer in time or the connection was lost ({kind}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="174" />
      <source>The portal gave no CSRF token; writes are not possible now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="144" />
      <source>The portal refused the request ({status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="193" />
      <source>The portal refused the security token twice; nothing was sent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="202" />
      <source>The portal refused the security token; nothing was sent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="158" />
      <source>The portal's answer has an unexpected form.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="156" />
      <source>The portal's answer is not JSON; is the portal address right?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/zones.py" line="63" />
      <source>The portal's meter has {len(registers)} register(s) ({names}) but the account's plan is {plan} with {len(zones)} zone(s). Check the account's tariff plan against your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/zones.py" line="72" />
      <source>The portal's registers ({names}) cannot be matched to the zones of a {plan} plan by their names. Submit this reading on the portal's site or by phone.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="261" />
      <source>The price table {name} does not have the columns {','.join(CSV_COLUMNS)}. Reinstall Meter Journal or restore the file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="282" />
      <source>The price table {name} is damaged at line {reader.line_num}: {error}. Reinstall Meter Journal or restore the file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/outbox.py" line="392" />
      <source>The reading of {info.taken_on.isoformat()} for the account {info.account} has not reached the supplier yet, and readings are taken until the 25th. Send it by SMS to {SMS_NUMBER}: {text} (from the phone bound to the account), or call {CALL_CENTRE_PHONE} (free) and dictate the account number and the readings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/portal/transport.py" line="127" />
      <source>The request to the portal failed ({kind}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="174" />
      <source>The settlement account {account} fails its control key with the BIC {bic}: a digit of the account is mistyped. Compare it with your bill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/accounts.py" line="72" />
      <source>The tariff plan decides how many zones the meter counts, so it changes together with the meter. Ask the supplier to change the plan, then add the account again with its new meter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="87" />
      <source>The verification year {value} is not plausible.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="154" />
      <source>The {label} is 20 digits; {text!r} is not.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="31" />
      <source>The {label} is too long (at most {limit} characters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="89" />
      <source>The {label} is too long: at most {limit} characters, got {len(value)}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="86" />
      <source>There is already a reading dated {taken_on.isoformat()} for this meter; edit it instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="151" />
      <source>There is already a reading for {period} (dated {existing.taken_on.isoformat()}: {', '.join((str(v) for v in _values(existing, zones)))}). Replace it with the new one? The old one stays in the history.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/accounts.py" line="56" />
      <source>There is no account {number} in the journal. Add it first (account add).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="desktop_app/services/journal_service.py" line="154" />
      <source>There is no file {source}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/billing.py" line="261" />
      <source>There is no reading for {wanted} on the account {account.number}. Add the period's reading first (reading add), or choose a period shown in the history.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="206" />
      <source>There is no reading {reading_id} in force for the account {account.number}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="244" />
      <source>There is nothing to undo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="127" />
      <source>This reading means {used} kWh since {previous_date.isoformat()}, over {JUMP_FACTOR} times the usual {monthly.quantize(Decimal(1))} kWh a month. Please check the values, and confirm if they are right.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="99" />
      <source>This tariff plan needs {names[zones]}, separated by commas; got {len(items)}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="108" />
      <source>Type only the digits before the comma, without letters or symbols; got {item!r} for T{index}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="107" />
      <source>T{index}: {now} is above {after} from the later reading of {following.taken_on.isoformat()}; please check the value.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/readings.py" line="97" />
      <source>T{index}: {now} is below {before} from {source}. If the meter went past {'9' * meter.digits} and started again from zero, confirm a rollover; if the meter was replaced, record the replacement; otherwise please check the value.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/billing.py" line="306" />
      <source>T{index}: {now} is below {before} from {source}. If the meter went past {'9' * meter.digits} and started again from zero, confirm a rollover; otherwise please check the value.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="49" />
      <source>Unknown consumer category {text!r}; choose one of: {options}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="195" />
      <source>Unknown source {source!r} of payee details.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/payees.py" line="193" />
      <source>Unknown supplier {supplier!r}; choose one of: {', '.join(SUPPLIERS)}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/validation.py" line="40" />
      <source>Unknown tariff plan {text!r}; choose one of: {options}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="61" />
      <source>Volume band {self.band} does not exist; bands are 1, 2 and 3.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/history.py" line="44" />
      <source>WHERE m.account_id IN ({marks})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="59" />
      <source>Zone {self.zone} is not part of plan {self.plan}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/charges.py" line="80" />
      <source>Zone {zone} is not part of plan {plan}; its zones are {', '.join(zones)}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="324" />
      <source>{raw!r} is not a price. Write the price per kWh in roubles with a decimal point, e.g. 6.95.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="journal/tariffs.py" line="399" />
      <source>{raw!r} is not an amount. Write roubles and kopecks, e.g. 1234.56 or 1 234,56.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
