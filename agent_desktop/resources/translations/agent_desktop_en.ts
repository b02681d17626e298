<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AtRiskBanner</name>
    <message>
        <source>Callbacks at risk</source>
        <translation>Callbacks at risk</translation>
    </message>
    <message>
        <source>&amp;Hand to campaign</source>
        <translation>&amp;Hand to campaign</translation>
    </message>
    <message>
        <source>Any agent of the campaign will call them at their time</source>
        <translation>Any agent of the campaign will call them at their time</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>Not Ready</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>logged out</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n personal callback(s) will come due while you are {state}: nobody would call them. First: {who} at {when}.</source>
        <translation>
            <numerusform>⚠ %n personal callback(s) will come due while you are {state}: nobody would call them. First: {who} at {when}.</numerusform>
            <numerusform>⚠ %n personal callback(s) will come due while you are {state}: nobody would call them. First: {who} at {when}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkMove</name>
    <message>
        <source>The callback is no longer in your list.</source>
        <extracomment>Requests on the wire at once: enough to hide the round trips, few enough for the server.</extracomment>
        <translation>The callback is no longer in your list.</translation>
    </message>
    <message>
        <source>Something went wrong; see the log.</source>
        <translation>Something went wrong; see the log.</translation>
    </message>
</context>
<context>
    <name>BulkMoveDialog</name>
    <message>
        <source>Move {count} callbacks</source>
        <translation>Move {count} callbacks</translation>
    </message>
    <message>
        <source>Move several callbacks</source>
        <translation>Move several callbacks</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <source>A &amp;day (your time):</source>
        <translation>A &amp;day (your time):</translation>
    </message>
    <message>
        <source>Day, your time</source>
        <translation>Day, your time</translation>
    </message>
    <message>
        <source>A time &amp;range (your time):</source>
        <translation>A time &amp;range (your time):</translation>
    </message>
    <message>
        <source>From, your time</source>
        <translation>From, your time</translation>
    </message>
    <message>
        <source>Until, your time</source>
        <translation>Until, your time</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Callback type</source>
        <translation>Callback type</translation>
    </message>
    <message>
        <source>Personal (I call back)</source>
        <translation>Personal (I call back)</translation>
    </message>
    <message>
        <source>Campaign (any agent)</source>
        <translation>Campaign (any agent)</translation>
    </message>
    <message>
        <source>Callback &amp;type:</source>
        <translation>Callback &amp;type:</translation>
    </message>
    <message>
        <source>What the move would do</source>
        <translation>What the move would do</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Callbacks moved so far</source>
        <translation>Callbacks moved so far</translation>
    </message>
    <message>
        <source>Callbacks that were not moved, and why</source>
        <translation>Callbacks that were not moved, and why</translation>
    </message>
    <message>
        <source>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours and your working hours.</source>
        <translation>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours and your working hours.</translation>
    </message>
    <message>
        <source>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours.</source>
        <translation>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours.</translation>
    </message>
    <message>
        <source>First at {first}, last at {last} (your time).</source>
        <translation>First at {first}, last at {last} (your time).</translation>
    </message>
    <message>
        <source>⚠ {count} share a slot with another personal callback (the range is too full).</source>
        <translation>⚠ {count} share a slot with another personal callback (the range is too full).</translation>
    </message>
    <message>
        <source>{count} have no known time zone: their calling hours cannot be checked.</source>
        <translation>{count} have no known time zone: their calling hours cannot be checked.</translation>
    </message>
    <message>
        <source>✗ {count} cannot be placed:</source>
        <translation>✗ {count} cannot be placed:</translation>
    </message>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Your account is not allowed to reschedule callbacks.</translation>
    </message>
    <message>
        <source>Moved {done} of {total} callbacks…</source>
        <translation>Moved {done} of {total} callbacks…</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the answers to the requests already sent…</source>
        <translation>Cancelling: waiting for the answers to the requests already sent…</translation>
    </message>
    <message>
        <source>✗ The move stopped: something went wrong; see the log.</source>
        <translation>✗ The move stopped: something went wrong; see the log.</translation>
    </message>
    <message>
        <source>✓ {count} moved and confirmed.</source>
        <translation>✓ {count} moved and confirmed.</translation>
    </message>
    <message>
        <source>❚❚ {count} saved on this computer: sent when the connection is back.</source>
        <translation>❚❚ {count} saved on this computer: sent when the connection is back.</translation>
    </message>
    <message>
        <source>? {count} not confirmed yet: sent again by themselves.</source>
        <translation>? {count} not confirmed yet: sent again by themselves.</translation>
    </message>
    <message>
        <source>✗ {count} failed.</source>
        <translation>✗ {count} failed.</translation>
    </message>
    <message>
        <source>— {count} not sent (cancelled): they keep their old time.</source>
        <translation>— {count} not sent (cancelled): they keep their old time.</translation>
    </message>
    <message>
        <source>— {count} not moved: no time in the chosen range fits them.</source>
        <translation>— {count} not moved: no time in the chosen range fits them.</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <source>Not placed:</source>
        <translation>Not placed:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
</context>
<context>
    <name>CallResult</name>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Answering machine</source>
        <translation>Answering machine</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>Wrong person</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Do not call</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
</context>
<context>
    <name>CancelCallbackDialog</name>
    <message>
        <source>Cancel callback — {who}</source>
        <translation>Cancel callback — {who}</translation>
    </message>
    <message>
        <source>The campaign will not call {who} on {phone} for this record again. This cannot be undone from here.</source>
        <translation>The campaign will not call {who} on {phone} for this record again. This cannot be undone from here.</translation>
    </message>
    <message>
        <source>Cancel the &amp;callback</source>
        <translation>Cancel the &amp;callback</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Keep it</translation>
    </message>
</context>
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
    <name>CompleteDialog</name>
    <message>
        <source>Complete — {who}</source>
        <translation>Complete — {who}</translation>
    </message>
    <message>
        <source>The record is done: it leaves your list and the campaign does not call it again.</source>
        <translation>The record is done: it leaves your list and the campaign does not call it again.</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>Call result</translation>
    </message>
    <message>
        <source>Call &amp;result:</source>
        <translation>Call &amp;result:</translation>
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
    <name>DayTimeline</name>
    <message>
        <source>Callbacks of the day on a timeline</source>
        <translation>Callbacks of the day on a timeline</translation>
    </message>
    <message>
        <source>{count} callbacks on this day. Up and Down choose one.</source>
        <translation>{count} callbacks on this day. Up and Down choose one.</translation>
    </message>
    <message>
        <source>No callbacks on this day.</source>
        <translation>No callbacks on this day.</translation>
    </message>
    <message>
        <source>{who}, {type} callback at {when} your time ({theirs}).</source>
        <translation>{who}, {type} callback at {when} your time ({theirs}).</translation>
    </message>
    <message>
        <source>Move to {when} your time ({theirs}): press Enter to reschedule.</source>
        <translation>Move to {when} your time ({theirs}): press Enter to reschedule.</translation>
    </message>
    <message>
        <source>{when} your time · {theirs}</source>
        <translation>{when} your time · {theirs}</translation>
    </message>
    <message>
        <source>{type} · {campaign} · calling hours {hours} their time</source>
        <translation>{type} · {campaign} · calling hours {hours} their time</translation>
    </message>
    <message>
        <source>Your time ({zone})</source>
        <translation>Your time ({zone})</translation>
    </message>
    <message>
        <source>Callbacks per {minutes} min
(hatched: campaign)</source>
        <translation>Callbacks per {minutes} min
(hatched: campaign)</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Day view</source>
        <translation>Day view</translation>
    </message>
    <message>
        <source>◀ &amp;Previous day</source>
        <translation>◀ &amp;Previous day</translation>
    </message>
    <message>
        <source>Previous day (Page Up)</source>
        <translation>Previous day (Page Up)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>&amp;Next day ▶</source>
        <translation>&amp;Next day ▶</translation>
    </message>
    <message>
        <source>Next day (Page Down)</source>
        <translation>Next day (Page Down)</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>campaign</translation>
    </message>
    <message>
        <source>the contact may be called</source>
        <translation>the contact may be called</translation>
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
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>DoNotCallDialog</name>
    <message>
        <source>Do not call — {who}</source>
        <translation>Do not call — {who}</translation>
    </message>
    <message>
        <source>The contact asked not to be called. Marked numbers are not dialled again by any campaign.</source>
        <translation>The contact asked not to be called. Marked numbers are not dialled again by any campaign.</translation>
    </message>
    <message>
        <source>&amp;Mark do not call</source>
        <translation>&amp;Mark do not call</translation>
    </message>
    <message>
        <source>&amp;This number only ({phone})</source>
        <translation>&amp;This number only ({phone})</translation>
    </message>
    <message>
        <source>&amp;Every number of this contact</source>
        <translation>&amp;Every number of this contact</translation>
    </message>
    <message>
        <source>&amp;Keep calling</source>
        <translation>&amp;Keep calling</translation>
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
    <message>
        <source>The contact&apos;s time zone has no name the server knows, so a new number cannot be added.</source>
        <translation>The contact&apos;s time zone has no name the server knows, so a new number cannot be added.</translation>
    </message>
    <message>
        <source>Your account is not allowed to cancel callbacks.</source>
        <translation>Your account is not allowed to cancel callbacks.</translation>
    </message>
    <message>
        <source>Your account is not allowed to mark contacts do-not-call.</source>
        <translation>Your account is not allowed to mark contacts do-not-call.</translation>
    </message>
    <message>
        <source>Your account is not allowed to set call results.</source>
        <translation>Your account is not allowed to set call results.</translation>
    </message>
    <message>
        <source>The call result {result} is not offered to you.</source>
        <translation>The call result {result} is not offered to you.</translation>
    </message>
    <message>
        <source>Your account is not allowed to reschedule on a new number.</source>
        <translation>Your account is not allowed to reschedule on a new number.</translation>
    </message>
    <message>
        <source>Enter the new phone number (digits, at most {n} characters).</source>
        <translation>Enter the new phone number (digits, at most {n} characters).</translation>
    </message>
    <message>
        <source>The record&apos;s chain is not known, so a new number cannot join it.</source>
        <translation>The record&apos;s chain is not known, so a new number cannot join it.</translation>
    </message>
    <message>
        <source>The server did not say which record it added.</source>
        <translation>The server did not say which record it added.</translation>
    </message>
    <message>
        <source>Not connected to the server: try again once you are back online.</source>
        <translation>Not connected to the server: try again once you are back online.</translation>
    </message>
    <message>
        <source>The record&apos;s calling list is not known, so the server cannot be asked.</source>
        <translation>The record&apos;s calling list is not known, so the server cannot be asked.</translation>
    </message>
    <message>
        <source>Another change of this record is under way: wait for it to finish.</source>
        <translation>Another change of this record is under way: wait for it to finish.</translation>
    </message>
    <message>
        <source>No confirmation from the server in time: it may or may not have been done.</source>
        <translation>No confirmation from the server in time: it may or may not have been done.</translation>
    </message>
    <message>
        <source>The server added the new number but did not send its record.</source>
        <translation>The server added the new number but did not send its record.</translation>
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
        <source>Nothing to restore: this callback has not been moved from here.</source>
        <translation>Nothing to restore: this callback has not been moved from here.</translation>
    </message>
    <message>
        <source>{who} back to {when} your time</source>
        <translation>{who} back to {when} your time</translation>
    </message>
    <message>
        <source>Nothing to undo: what you confirmed has been sent.</source>
        <translation>Nothing to undo: what you confirmed has been sent.</translation>
    </message>
    <message>
        <source>↶ Undone, nothing was sent: {what}</source>
        <translation>↶ Undone, nothing was sent: {what}</translation>
    </message>
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
        <source>{who} → {when} your time, personal</source>
        <translation>{who} → {when} your time, personal</translation>
    </message>
    <message>
        <source>{who} → {when} your time, campaign</source>
        <translation>{who} → {when} your time, campaign</translation>
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
        <source>&amp;List</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Day</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Restore &amp;previous time</source>
        <translation>Restore &amp;previous time</translation>
    </message>
    <message>
        <source>Move the callback back to where your last reschedule took it from</source>
        <translation>Move the callback back to where your last reschedule took it from</translation>
    </message>
    <message>
        <source>&amp;Move selected…</source>
        <translation>&amp;Move selected…</translation>
    </message>
    <message>
        <source>Move the selected callbacks to a day or a time range (Ctrl+M)</source>
        <translation>Move the selected callbacks to a day or a time range (Ctrl+M)</translation>
    </message>
    <message>
        <source>Call back on another &amp;number…</source>
        <translation>Call back on another &amp;number…</translation>
    </message>
    <message>
        <source>&amp;Cancel callback…</source>
        <translation>&amp;Cancel callback…</translation>
    </message>
    <message>
        <source>Mark &amp;do not call…</source>
        <translation>Mark &amp;do not call…</translation>
    </message>
    <message>
        <source>C&amp;omplete with call result…</source>
        <translation>C&amp;omplete with call result…</translation>
    </message>
    <message>
        <source>&amp;Undo reschedule</source>
        <translation>&amp;Undo reschedule</translation>
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
        <source>Your account is not allowed to do this.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>Settings saved. Server and language changes apply at the next start.</source>
        <translation>Settings saved. Server and language changes apply at the next start.</translation>
    </message>
</context>
<context>
    <name>NewNumberDialog</name>
    <message>
        <source>Call back on another number — {who}</source>
        <translation>Call back on another number — {who}</translation>
    </message>
    <message>
        <source>The new number joins this contact&apos;s records; you choose the time next.</source>
        <translation>The new number joins this contact&apos;s records; you choose the time next.</translation>
    </message>
    <message>
        <source>&amp;Next…</source>
        <translation>&amp;Next…</translation>
    </message>
    <message>
        <source>Phone number to call back on</source>
        <translation>Phone number to call back on</translation>
    </message>
    <message>
        <source>+1 212 555 0100</source>
        <translation>+1 212 555 0100</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>That is not a phone number: digits, spaces and one leading + only.</source>
        <translation>That is not a phone number: digits, spaces and one leading + only.</translation>
    </message>
    <message>
        <source>That is the number the callback already has.</source>
        <translation>That is the number the callback already has.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>The chosen range is over or starts within a minute: pick a later time.</source>
        <translation>The chosen range is over or starts within a minute: pick a later time.</translation>
    </message>
    <message>
        <source>Their calling hours in the chosen range are outside your working hours.</source>
        <translation>Their calling hours in the chosen range are outside your working hours.</translation>
    </message>
    <message>
        <source>No time in the chosen range fits the contact&apos;s calling hours.</source>
        <translation>No time in the chosen range fits the contact&apos;s calling hours.</translation>
    </message>
</context>
<context>
    <name>PlannerWiring</name>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Your account is not allowed to reschedule callbacks.</translation>
    </message>
    <message numerus="yes">
        <source>Moved: %n confirmed</source>
        <translation>
            <numerusform>Moved: %n confirmed</numerusform>
            <numerusform>Moved: %n confirmed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n saved to send later</source>
        <translation>
            <numerusform>, %n saved to send later</numerusform>
            <numerusform>, %n saved to send later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not confirmed yet</source>
        <translation>
            <numerusform>, %n not confirmed yet</numerusform>
            <numerusform>, %n not confirmed yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n refused</numerusform>
            <numerusform>, %n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not moved</source>
        <translation>
            <numerusform>, %n not moved</numerusform>
            <numerusform>, %n not moved</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account cannot hand callbacks to the campaign.</source>
        <translation>Your account cannot hand callbacks to the campaign.</translation>
    </message>
    <message>
        <source>Personal callbacks still to come</source>
        <translation>Personal callbacks still to come</translation>
    </message>
    <message numerus="yes">
        <source>%n personal callback(s) will come due while you are logged out: nobody would call them. First: {who} at {when}.</source>
        <translation>
            <numerusform>%n personal callback(s) will come due while you are logged out: nobody would call them. First: {who} at {when}.</numerusform>
            <numerusform>%n personal callback(s) will come due while you are logged out: nobody would call them. First: {who} at {when}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hand to campaign and quit</source>
        <translation>&amp;Hand to campaign and quit</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Quit anyway</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Stay</translation>
    </message>
    <message>
        <source>✗ Handing over failed; see the log.</source>
        <translation>✗ Handing over failed; see the log.</translation>
    </message>
    <message numerus="yes">
        <source>Handed to the campaign: %n</source>
        <translation>
            <numerusform>Handed to the campaign: %n</numerusform>
            <numerusform>Handed to the campaign: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>; %n refused</numerusform>
            <numerusform>; %n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>✗ {who}: something went wrong; see the log.</source>
        <translation>✗ {who}: something went wrong; see the log.</translation>
    </message>
    <message>
        <source>✓ {who}: callback cancelled.</source>
        <translation>✓ {who}: callback cancelled.</translation>
    </message>
    <message>
        <source>✓ {who}: every number marked do not call.</source>
        <translation>✓ {who}: every number marked do not call.</translation>
    </message>
    <message>
        <source>✓ {who}: number marked do not call.</source>
        <translation>✓ {who}: number marked do not call.</translation>
    </message>
    <message>
        <source>✓ {who}: completed ({result}).</source>
        <translation>✓ {who}: completed ({result}).</translation>
    </message>
    <message>
        <source>✓ {who}: personal callback on {phone} confirmed for {when} your time.</source>
        <translation>✓ {who}: personal callback on {phone} confirmed for {when} your time.</translation>
    </message>
    <message>
        <source>✓ {who}: campaign callback on {phone} confirmed for {when} your time.</source>
        <translation>✓ {who}: campaign callback on {phone} confirmed for {when} your time.</translation>
    </message>
</context>
<context>
    <name>RecordHistory</name>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>campaign</translation>
    </message>
    <message>
        <source>{old} → {new}, {type}</source>
        <translation>{old} → {new}, {type}</translation>
    </message>
    <message>
        <source>✓ confirmed</source>
        <translation>✓ confirmed</translation>
    </message>
    <message>
        <source>✗ refused: {reason}</source>
        <translation>✗ refused: {reason}</translation>
    </message>
    <message>
        <source>✗ refused</source>
        <translation>✗ refused</translation>
    </message>
    <message>
        <source>replaced by a newer reschedule before it was sent</source>
        <translation>replaced by a newer reschedule before it was sent</translation>
    </message>
    <message>
        <source>{when}: {change} ({outcome})</source>
        <translation>{when}: {change} ({outcome})</translation>
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
        <source>Su&amp;ggested:</source>
        <translation>Su&amp;ggested:</translation>
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
    <message>
        <source>Your clocks skip {typed} that night: this is {time}.</source>
        <translation>Your clocks skip {typed} that night: this is {time}.</translation>
    </message>
    <message>
        <source>Your clocks show {time} twice that night: this is the second one ({zone}).</source>
        <translation>Your clocks show {time} twice that night: this is the second one ({zone}).</translation>
    </message>
    <message>
        <source>Your clocks show {time} twice that night: this is the first one ({zone}).</source>
        <translation>Your clocks show {time} twice that night: this is the first one ({zone}).</translation>
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
        <source>Monday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Monday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Tuesday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Tuesday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Wednesday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Wednesday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Thursday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Thursday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Friday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Friday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Saturday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Saturday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>Sunday {date} is not a calling day for the contact ({zone}).</source>
        <translation>Sunday {date} is not a calling day for the contact ({zone}).</translation>
    </message>
    <message>
        <source>{date} is a holiday for the contact ({zone}).</source>
        <translation>{date} is a holiday for the contact ({zone}).</translation>
    </message>
    <message>
        <source>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</source>
        <translation>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</translation>
    </message>
    <message>
        <source>{time} is outside the campaign&apos;s calling hours ({hours} {zone}).</source>
        <translation>{time} is outside the campaign&apos;s calling hours ({hours} {zone}).</translation>
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
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Callback slot length in minutes</source>
        <translation>Callback slot length in minutes</translation>
    </message>
    <message>
        <source>Two of your personal callbacks closer than this are shown as a conflict.</source>
        <translation>Two of your personal callbacks closer than this are shown as a conflict.</translation>
    </message>
    <message>
        <source>Send at once</source>
        <translation>Send at once</translation>
    </message>
    <message>
        <source>Undo time in seconds</source>
        <translation>Undo time in seconds</translation>
    </message>
    <message>
        <source>A reschedule waits this long before it is sent, so that you can undo it.</source>
        <translation>A reschedule waits this long before it is sent, so that you can undo it.</translation>
    </message>
    <message>
        <source>Working hours from</source>
        <translation>Working hours from</translation>
    </message>
    <message>
        <source>Working hours until</source>
        <translation>Working hours until</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
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
        <source>Callback sl&amp;ot length:</source>
        <translation>Callback sl&amp;ot length:</translation>
    </message>
    <message>
        <source>&amp;Undo time before sending:</source>
        <translation>&amp;Undo time before sending:</translation>
    </message>
    <message>
        <source>My &amp;working hours:</source>
        <translation>My &amp;working hours:</translation>
    </message>
    <message>
        <source>Personal callbacks are suggested and planned inside them.</source>
        <translation>Personal callbacks are suggested and planned inside them.</translation>
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
<context>
    <name>SlotLoadNote</name>
    <message>
        <source>Collision with your callbacks</source>
        <translation>Collision with your callbacks</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: free.</source>
        <translation>Your slot {start}–{end}: free.</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: 1 personal callback.</source>
        <translation>Your slot {start}–{end}: 1 personal callback.</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: {count} personal callbacks.</source>
        <translation>Your slot {start}–{end}: {count} personal callbacks.</translation>
    </message>
    <message>
        <source>⚠ Collides with your personal callback to {who} at {time}.</source>
        <translation>⚠ Collides with your personal callback to {who} at {time}.</translation>
    </message>
    <message>
        <source>⚠ Collides with your personal callback to {who} at {time} and {more} more.</source>
        <translation>⚠ Collides with your personal callback to {who} at {time} and {more} more.</translation>
    </message>
</context>
<context>
    <name>SlotSuggestionList</name>
    <message>
        <source>Suggested times</source>
        <translation>Suggested times</translation>
    </message>
    <message>
        <source>The next times inside the contact&apos;s calling hours, free ones first. Space picks one, Enter picks it and reschedules.</source>
        <translation>The next times inside the contact&apos;s calling hours, free ones first. Space picks one, Enter picks it and reschedules.</translation>
    </message>
    <message>
        <source>No time in the next two weeks is inside their calling hours.</source>
        <translation>No time in the next two weeks is inside their calling hours.</translation>
    </message>
    <message>
        <source>{time} you</source>
        <translation>{time} you</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
</context>
<context>
    <name>SlotSuggestions</name>
    <message>
        <source>⚠ 1 callback</source>
        <translation>⚠ 1 callback</translation>
    </message>
    <message>
        <source>⚠ {count} callbacks</source>
        <translation>⚠ {count} callbacks</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Take the reschedule back before it is sent (Ctrl+Z)</source>
        <translation>Take the reschedule back before it is sent (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Sending in {seconds} s: {what}</source>
        <translation>Sending in {seconds} s: {what}</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more waiting)</source>
        <translation>
            <numerusform> (and %n more waiting)</numerusform>
            <numerusform> (and %n more waiting)</numerusform>
        </translation>
    </message>
</context>
</TS>
