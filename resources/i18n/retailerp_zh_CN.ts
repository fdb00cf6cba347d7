<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SearchBox</name>
    <message>
        <source>Search…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Customer {code} has already ended (on {on}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {code} is active; only an ended customer can be reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bank account number has 8 to 32 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter whole days, e.g. 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms are between 0 and 365 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The A share must be above 0 and below the B share, and the B share at most 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review months are numbers from 1 to 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} was changed by {changed_by} at {changed_at} after you opened it. Reload it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {sku} is no longer in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {sku} is tracked by batch: enter the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {sku} is tracked by serial number: enter the serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line with a serial number holds exactly one unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document may have at most {max} lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number {serial} is on two lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is a reversal; post the original again instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} has already been reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking is one of: none, batch, serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the shelf life in whole days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shelf life is between 1 and 36500 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount may be at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity may have at most three decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity may be at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT rate must be one of {rates}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {user} ({role}) may not do this: {permission}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A move must go to another location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough stock at {location}: {wanted} wanted, {available} available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {max} characters are allowed (you typed {n}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code may hold only letters, digits and . _ / - and must start with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number (digits, spaces, + - and brackets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid unified social credit code: the check character does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tax id has 18 characters (unified social credit code), or 15 or 20 for older registrations; &apos;{value}&apos; has {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode {value}: the check digit should be {digit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A barcode may hold only letters, digits and symbols, no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>A – key customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B – major customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C – ordinary customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goods receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consignment at customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers (sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers (sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
