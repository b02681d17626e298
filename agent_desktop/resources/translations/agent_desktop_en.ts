<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Columns</name>
    <message>
        <source>When (your time)</source>
        <translation>When (your time)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Their local time</source>
        <translation>Their local time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Connection: {state}</source>
        <translation>Connection: {state}</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a callback to see its details.</source>
        <translation>Select a callback to see its details.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Calling list</source>
        <translation>Calling list</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Your time</translation>
    </message>
    <message>
        <source>Their time</source>
        <translation>Their time</translation>
    </message>
    <message>
        <source>Their zone</source>
        <translation>Their zone</translation>
    </message>
    <message>
        <source>Calling hours</source>
        <translation>Calling hours</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Record details</source>
        <translation>Record details</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>{hours} their time</source>
        <translation>{hours} their time</translation>
    </message>
    <message>
        <source>handle {handle}, application {application}</source>
        <translation>handle {handle}, application {application}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The notification server sent a reply that is not CometD.</source>
        <translation>The notification server sent a reply that is not CometD.</translation>
    </message>
    <message>
        <source>The notification server refused the user name or password.</source>
        <translation>The notification server refused the user name or password.</translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified. Check the address, or ask IT for the company&apos;s CA bundle.</source>
        <translation>The certificate of {url} could not be verified. Check the address, or ask IT for the company&apos;s CA bundle.</translation>
    </message>
    <message>
        <source>The notification server answered HTTP {status}.</source>
        <translation>The notification server answered HTTP {status}.</translation>
    </message>
    <message>
        <source>Cannot open notifications: {reason}</source>
        <translation>Cannot open notifications: {reason}</translation>
    </message>
    <message>
        <source>No confirmation from the server in time: the reschedule may or may not have been applied.</source>
        <translation>No confirmation from the server in time: the reschedule may or may not have been applied.</translation>
    </message>
    <message>
        <source>No telephony device is assigned to you, so outbound requests cannot be sent.</source>
        <translation>No telephony device is assigned to you, so outbound requests cannot be sent.</translation>
    </message>
    <message>
        <source>No password vault is available on this computer.</source>
        <translation>No password vault is available on this computer.</translation>
    </message>
    <message>
        <source>The password vault is locked or refused access (was an unlock prompt dismissed?).</source>
        <translation>The password vault is locked or refused access (was an unlock prompt dismissed?).</translation>
    </message>
    <message>
        <source>The password vault did not answer in time.</source>
        <translation>The password vault did not answer in time.</translation>
    </message>
    <message>
        <source>The password vault could not be used.</source>
        <translation>The password vault could not be used.</translation>
    </message>
    <message>
        <source>{url} is not a server address like https://gws.example.com</source>
        <translation>{url} is not a server address like https://gws.example.com</translation>
    </message>
    <message>
        <source>{url} is not encrypted (http://). Use https://, or allow plain http explicitly.</source>
        <translation>{url} is not encrypted (http://). Use https://, or allow plain http explicitly.</translation>
    </message>
    <message>
        <source>{url} did not answer in time.</source>
        <translation>{url} did not answer in time.</translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified ({reason}). Check the address, or ask IT for the company&apos;s CA bundle.</source>
        <translation>The certificate of {url} could not be verified ({reason}). Check the address, or ask IT for the company&apos;s CA bundle.</translation>
    </message>
    <message>
        <source>Cannot reach {url}: {reason}</source>
        <translation>Cannot reach {url}: {reason}</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>The server no longer accepts this session (CSRF token refused).</source>
        <translation>The server no longer accepts this session (CSRF token refused).</translation>
    </message>
    <message>
        <source>{url} answered something that is not GWS JSON.</source>
        <translation>{url} answered something that is not GWS JSON.</translation>
    </message>
    <message>
        <source>{url} did not describe the user: {reason}</source>
        <translation>{url} did not describe the user: {reason}</translation>
    </message>
    <message>
        <source>{user} is not an agent account.</source>
        <translation>{user} is not an agent account.</translation>
    </message>
    <message>
        <source>{user} has no outbound privilege.</source>
        <translation>{user} has no outbound privilege.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>⟳ Sending…</source>
        <translation>⟳ Sending…</translation>
    </message>
    <message>
        <source>❚❚ Queued: will send when back online</source>
        <translation>❚❚ Queued: will send when back online</translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation>✓ Confirmed</translation>
    </message>
    <message>
        <source>✗ Failed: {reason}</source>
        <translation>✗ Failed: {reason}</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Failed</translation>
    </message>
    <message>
        <source>? Unconfirmed</source>
        <translation>? Unconfirmed</translation>
    </message>
    <message>
        <source>⚠ Overdue {duration}</source>
        <translation>⚠ Overdue {duration}</translation>
    </message>
    <message>
        <source>◷ Due in {duration}</source>
        <translation>◷ Due in {duration}</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Not scheduled</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Agent Desktop — Log in</source>
        <translation>Agent Desktop — Log in</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>GWS server address</source>
        <translation>GWS server address</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Remember password in this computer&apos;s password vault</source>
        <translation>&amp;Remember password in this computer&apos;s password vault</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Forget saved password</source>
        <translation>&amp;Forget saved password</translation>
    </message>
    <message>
        <source>Forget saved password</source>
        <translation>Forget saved password</translation>
    </message>
    <message>
        <source>Delete the password saved in this computer&apos;s vault for this server and user</source>
        <translation>Delete the password saved in this computer&apos;s vault for this server and user</translation>
    </message>
    <message>
        <source>Please fill in the server.</source>
        <translation>Please fill in the server.</translation>
    </message>
    <message>
        <source>Please fill in the user name.</source>
        <translation>Please fill in the user name.</translation>
    </message>
    <message>
        <source>Please fill in the password.</source>
        <translation>Please fill in the password.</translation>
    </message>
    <message>
        <source>Fill in the server and user name whose saved password should be forgotten.</source>
        <translation>Fill in the server and user name whose saved password should be forgotten.</translation>
    </message>
    <message>
        <source>Forgetting the saved password…</source>
        <translation>Forgetting the saved password…</translation>
    </message>
    <message>
        <source>✗ The saved password could not be forgotten. {reason}</source>
        <translation>✗ The saved password could not be forgotten. {reason}</translation>
    </message>
    <message>
        <source>✓ The saved password of {user} on {server} is forgotten: it will be asked next time.</source>
        <translation>✓ The saved password of {user} on {server} is forgotten: it will be asked next time.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Your password will be asked each time.</source>
        <translation>Your password will be asked each time.</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>Reconnected to the server.</source>
        <translation>Reconnected to the server.</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Password needed</translation>
    </message>
    <message>
        <source>Type your password to reconnect. Your queued reschedules are kept.</source>
        <translation>Type your password to reconnect. Your queued reschedules are kept.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Offline: your reschedules are kept and will be sent after you sign in.</source>
        <translation>Offline: your reschedules are kept and will be sent after you sign in.</translation>
    </message>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Your account is not allowed to reschedule callbacks.</translation>
    </message>
    <message>
        <source>✗ Not sent: {reason}</source>
        <translation>✗ Not sent: {reason}</translation>
    </message>
    <message>
        <source>? No confirmation yet for {who}: the server has not answered.</source>
        <translation>? No confirmation yet for {who}: the server has not answered.</translation>
    </message>
    <message>
        <source>✗ {who}: {reason}</source>
        <translation>✗ {who}: {reason}</translation>
    </message>
    <message>
        <source>✗ {who} is no longer in your list.</source>
        <translation>✗ {who} is no longer in your list.</translation>
    </message>
    <message>
        <source>✗ {who}: something went wrong; see the log.</source>
        <translation>✗ {who}: something went wrong; see the log.</translation>
    </message>
    <message>
        <source>❚❚ {who}: saved on this computer; it will be sent when the connection is back.</source>
        <translation>❚❚ {who}: saved on this computer; it will be sent when the connection is back.</translation>
    </message>
    <message>
        <source>✓ {who}: personal callback confirmed for {when} your time.</source>
        <translation>✓ {who}: personal callback confirmed for {when} your time.</translation>
    </message>
    <message>
        <source>✓ {who}: campaign callback confirmed for {when} your time.</source>
        <translation>✓ {who}: campaign callback confirmed for {when} your time.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agent Desktop — {agent}</source>
        <translation>Agent Desktop — {agent}</translation>
    </message>
    <message>
        <source>Agent Desktop</source>
        <translation>Agent Desktop</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reschedule…</translation>
    </message>
    <message>
        <source>Reschedule the selected callback (Ctrl+R)</source>
        <translation>Reschedule the selected callback (Ctrl+R)</translation>
    </message>
    <message>
        <source>Filter: name, phone, campaign… (Ctrl+F)</source>
        <translation>Filter: name, phone, campaign… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter callbacks</source>
        <translation>Filter callbacks</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show callback type</source>
        <translation>Show callback type</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Show campaign</source>
        <translation>Show campaign</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>Scheduled callbacks</source>
        <translation>Scheduled callbacks</translation>
    </message>
    <message>
        <source>Ctrl+R reschedules the selected callback.</source>
        <translation>Ctrl+R reschedules the selected callback.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} of {total} shown</translation>
    </message>
    <message>
        <source>{total} callbacks</source>
        <translation>{total} callbacks</translation>
    </message>
    <message>
        <source>Settings saved. Server and language changes apply at the next start.</source>
        <translation>Settings saved. Server and language changes apply at the next start.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>&amp;Snooze 5 min</source>
        <translation>&amp;Snooze 5 min</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>Dis&amp;miss</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Show Agent Desktop</source>
        <translation>Show Agent Desktop</translation>
    </message>
    <message>
        <source>Snooze reminders 5 min</source>
        <translation>Snooze reminders 5 min</translation>
    </message>
    <message>
        <source>Callback due soon</source>
        <translation>Callback due soon</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>{who} is due now</source>
        <translation>{who} is due now</translation>
    </message>
    <message>
        <source>{who} is due in {duration}</source>
        <translation>{who} is due in {duration}</translation>
    </message>
    <message>
        <source>Agent Desktop — no overdue callbacks</source>
        <translation>Agent Desktop — no overdue callbacks</translation>
    </message>
    <message>
        <source>Agent Desktop — overdue callbacks: %n</source>
        <translation>Agent Desktop — overdue callbacks: %n</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule — {who}</source>
        <translation>Reschedule — {who}</translation>
    </message>
    <message>
        <source>Reschedule callback</source>
        <translation>Reschedule callback</translation>
    </message>
    <message>
        <source>Date, your time</source>
        <translation>Date, your time</translation>
    </message>
    <message>
        <source>&amp;Date (your time):</source>
        <translation>&amp;Date (your time):</translation>
    </message>
    <message>
        <source>Time, your time</source>
        <translation>Time, your time</translation>
    </message>
    <message>
        <source>&amp;Time (your time):</source>
        <translation>&amp;Time (your time):</translation>
    </message>
    <message>
        <source>+1 &amp;hour</source>
        <translation>+1 &amp;hour</translation>
    </message>
    <message>
        <source>Tomorrow, &amp;same time</source>
        <translation>Tomorrow, &amp;same time</translation>
    </message>
    <message>
        <source>&amp;Next business day 09:00 theirs</source>
        <translation>&amp;Next business day 09:00 theirs</translation>
    </message>
    <message>
        <source>Quick picks:</source>
        <translation>Quick picks:</translation>
    </message>
    <message>
        <source>Callback at:</source>
        <translation>Callback at:</translation>
    </message>
    <message>
        <source>&amp;Personal (I call back)</source>
        <translation>&amp;Personal (I call back)</translation>
    </message>
    <message>
        <source>&amp;Campaign (any agent)</source>
        <translation>&amp;Campaign (any agent)</translation>
    </message>
    <message>
        <source>Callback type:</source>
        <translation>Callback type:</translation>
    </message>
    <message>
        <source>Problem with the chosen time</source>
        <translation>Problem with the chosen time</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>now {time} there</source>
        <translation>now {time} there</translation>
    </message>
    <message>
        <source>Calling hours: {hours} {zone} time</source>
        <translation>Calling hours: {hours} {zone} time</translation>
    </message>
    <message>
        <source>Now scheduled: {when} your time</source>
        <translation>Now scheduled: {when} your time</translation>
    </message>
    <message>
        <source>Your site sends every reschedule back to the campaign.</source>
        <translation>Your site sends every reschedule back to the campaign.</translation>
    </message>
    <message>
        <source>Your site makes every reschedule a personal callback.</source>
        <translation>Your site makes every reschedule a personal callback.</translation>
    </message>
    <message>
        <source>Type a time like 14:30.</source>
        <translation>Type a time like 14:30.</translation>
    </message>
    <message>
        <source>their zone is unknown</source>
        <translation>their zone is unknown</translation>
    </message>
    <message>
        <source>{mine} your time  ·  {theirs}</source>
        <translation>{mine} your time  ·  {theirs}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>The time has no time zone.</source>
        <extracomment>A callback needs a little lead: a time a few seconds ahead is in the past by the time OCS sees it.</extracomment>
        <translation>The time has no time zone.</translation>
    </message>
    <message>
        <source>Your account is not allowed to reschedule records.</source>
        <translation>Your account is not allowed to reschedule records.</translation>
    </message>
    <message>
        <source>{type} callbacks are not allowed here.</source>
        <translation>{type} callbacks are not allowed here.</translation>
    </message>
    <message>
        <source>Pick a time at least {minutes} minute(s) from now.</source>
        <translation>Pick a time at least {minutes} minute(s) from now.</translation>
    </message>
    <message>
        <source>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</source>
        <translation>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>GWS server addresses</source>
        <translation>GWS server addresses</translation>
    </message>
    <message>
        <source>One address per line, tried in this order.</source>
        <translation>One address per line, tried in this order.</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>The system&apos;s certificates</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA bundle file</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Choose the CA bundle file</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Acknowledgement timeout in seconds</source>
        <translation>Acknowledgement timeout in seconds</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Reminder lead times in minutes</source>
        <translation>Reminder lead times in minutes</translation>
    </message>
    <message>
        <source>Minutes before a callback is due, separated by commas. Empty: no reminders.</source>
        <translation>Minutes before a callback is due, separated by commas. Empty: no reminders.</translation>
    </message>
    <message>
        <source>My time</source>
        <translation>My time</translation>
    </message>
    <message>
        <source>The contact&apos;s time</source>
        <translation>The contact&apos;s time</translation>
    </message>
    <message>
        <source>Time shown first</source>
        <translation>Time shown first</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>GWS &amp;servers:</source>
        <translation>GWS &amp;servers:</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA bundle:</translation>
    </message>
    <message>
        <source>&amp;Acknowledgement timeout:</source>
        <translation>&amp;Acknowledgement timeout:</translation>
    </message>
    <message>
        <source>&amp;Remind me (minutes before):</source>
        <translation>&amp;Remind me (minutes before):</translation>
    </message>
    <message>
        <source>Show &amp;first:</source>
        <translation>Show &amp;first:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Server and language changes apply at the next start.</source>
        <translation>Server and language changes apply at the next start.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
</TS>
