<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Columns</name>
    <message>
        <source>When (your time)</source>
        <translation>Cuándo (tu hora)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Their local time</source>
        <translation>Su hora local</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Connection: {state}</source>
        <translation>Conexión: {state}</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a callback to see its details.</source>
        <translation>Selecciona una rellamada para ver sus detalles.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Calling list</source>
        <translation>Lista de llamadas</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Tu hora</translation>
    </message>
    <message>
        <source>Their time</source>
        <translation>Su hora</translation>
    </message>
    <message>
        <source>Their zone</source>
        <translation>Su zona horaria</translation>
    </message>
    <message>
        <source>Calling hours</source>
        <translation>Horario de llamadas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Record details</source>
        <translation>Detalles del registro</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>{hours} their time</source>
        <translation>{hours}, su hora</translation>
    </message>
    <message>
        <source>handle {handle}, application {application}</source>
        <translation>identificador {handle}, aplicación {application}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
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
        <translation>El servidor de notificaciones envió una respuesta que no es CometD.</translation>
    </message>
    <message>
        <source>The notification server refused the user name or password.</source>
        <translation>El servidor de notificaciones rechazó el usuario o la contraseña.</translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified. Check the address, or ask IT for the company&apos;s CA bundle.</source>
        <translation>No se pudo verificar el certificado de {url}. Comprueba la dirección o pide a Sistemas los certificados de CA de la empresa.</translation>
    </message>
    <message>
        <source>The notification server answered HTTP {status}.</source>
        <translation>El servidor de notificaciones respondió HTTP {status}.</translation>
    </message>
    <message>
        <source>Cannot open notifications: {reason}</source>
        <translation>No se pueden abrir las notificaciones: {reason}</translation>
    </message>
    <message>
        <source>No confirmation from the server in time: the reschedule may or may not have been applied.</source>
        <translation>El servidor no confirmó a tiempo: puede que la reprogramación se haya aplicado o no.</translation>
    </message>
    <message>
        <source>No telephony device is assigned to you, so outbound requests cannot be sent.</source>
        <translation>No tienes asignado ningún dispositivo telefónico, así que no se pueden enviar solicitudes de salida.</translation>
    </message>
    <message>
        <source>No password vault is available on this computer.</source>
        <translation>No hay ningún almacén de contraseñas disponible en este equipo.</translation>
    </message>
    <message>
        <source>The password vault is locked or refused access (was an unlock prompt dismissed?).</source>
        <translation>El almacén de contraseñas está bloqueado o denegó el acceso (¿se cerró una petición de desbloqueo?).</translation>
    </message>
    <message>
        <source>The password vault did not answer in time.</source>
        <translation>El almacén de contraseñas no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The password vault could not be used.</source>
        <translation>No se pudo usar el almacén de contraseñas.</translation>
    </message>
    <message>
        <source>{url} is not a server address like https://gws.example.com</source>
        <translation>{url} no es una dirección de servidor como https://gws.example.com</translation>
    </message>
    <message>
        <source>{url} is not encrypted (http://). Use https://, or allow plain http explicitly.</source>
        <translation>{url} no está cifrado (http://). Usa https:// o permite http sin cifrar de forma explícita.</translation>
    </message>
    <message>
        <source>{url} did not answer in time.</source>
        <translation>{url} no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified ({reason}). Check the address, or ask IT for the company&apos;s CA bundle.</source>
        <translation>No se pudo verificar el certificado de {url} ({reason}). Comprueba la dirección o pide a Sistemas los certificados de CA de la empresa.</translation>
    </message>
    <message>
        <source>Cannot reach {url}: {reason}</source>
        <translation>No se puede contactar con {url}: {reason}</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>The server no longer accepts this session (CSRF token refused).</source>
        <translation>El servidor ya no acepta esta sesión (token CSRF rechazado).</translation>
    </message>
    <message>
        <source>{url} answered something that is not GWS JSON.</source>
        <translation>{url} respondió algo que no es JSON de GWS.</translation>
    </message>
    <message>
        <source>{url} did not describe the user: {reason}</source>
        <translation>{url} no describió al usuario: {reason}</translation>
    </message>
    <message>
        <source>{user} is not an agent account.</source>
        <translation>{user} no es una cuenta de agente.</translation>
    </message>
    <message>
        <source>{user} has no outbound privilege.</source>
        <translation>{user} no tiene el privilegio de campañas de salida.</translation>
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
        <translation>desconocida</translation>
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
        <translation>{days} días</translation>
    </message>
    <message>
        <source>⟳ Sending…</source>
        <translation>⟳ Enviando…</translation>
    </message>
    <message>
        <source>❚❚ Queued: will send when back online</source>
        <translation>❚❚ En cola: se enviará al recuperar la conexión</translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation>✓ Confirmada</translation>
    </message>
    <message>
        <source>✗ Failed: {reason}</source>
        <translation>✗ Rechazada: {reason}</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ Rechazada</translation>
    </message>
    <message>
        <source>? Unconfirmed</source>
        <translation>? Sin confirmar</translation>
    </message>
    <message>
        <source>⚠ Overdue {duration}</source>
        <translation>⚠ Vencida hace {duration}</translation>
    </message>
    <message>
        <source>◷ Due in {duration}</source>
        <translation>◷ Vence en {duration}</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Sin programar</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Agent Desktop — Log in</source>
        <translation>Agent Desktop — Iniciar sesión</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>GWS server address</source>
        <translation>Dirección del servidor GWS</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Remember password in this computer&apos;s password vault</source>
        <translation>&amp;Recordar la contraseña en el almacén de contraseñas de este equipo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Forget saved password</source>
        <translation>&amp;Olvidar la contraseña guardada</translation>
    </message>
    <message>
        <source>Forget saved password</source>
        <translation>Olvidar la contraseña guardada</translation>
    </message>
    <message>
        <source>Delete the password saved in this computer&apos;s vault for this server and user</source>
        <translation>Borrar la contraseña guardada en el almacén de este equipo para este servidor y usuario</translation>
    </message>
    <message>
        <source>Please fill in the server.</source>
        <translation>Indica el servidor.</translation>
    </message>
    <message>
        <source>Please fill in the user name.</source>
        <translation>Indica el usuario.</translation>
    </message>
    <message>
        <source>Please fill in the password.</source>
        <translation>Indica la contraseña.</translation>
    </message>
    <message>
        <source>Fill in the server and user name whose saved password should be forgotten.</source>
        <translation>Indica el servidor y el usuario cuya contraseña guardada se debe olvidar.</translation>
    </message>
    <message>
        <source>Forgetting the saved password…</source>
        <translation>Olvidando la contraseña guardada…</translation>
    </message>
    <message>
        <source>✗ The saved password could not be forgotten. {reason}</source>
        <translation>✗ No se pudo olvidar la contraseña guardada. {reason}</translation>
    </message>
    <message>
        <source>✓ The saved password of {user} on {server} is forgotten: it will be asked next time.</source>
        <translation>✓ Se ha olvidado la contraseña guardada de {user} en {server}: se pedirá la próxima vez.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Your password will be asked each time.</source>
        <translation>Se pedirá tu contraseña cada vez.</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>Reconnected to the server.</source>
        <translation>Reconectado al servidor.</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita la contraseña</translation>
    </message>
    <message>
        <source>Type your password to reconnect. Your queued reschedules are kept.</source>
        <translation>Escribe tu contraseña para reconectar. Tus reprogramaciones en cola se conservan.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Offline: your reschedules are kept and will be sent after you sign in.</source>
        <translation>Sin conexión: tus reprogramaciones se conservan y se enviarán cuando inicies sesión.</translation>
    </message>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Tu cuenta no tiene permiso para reprogramar rellamadas.</translation>
    </message>
    <message>
        <source>✗ Not sent: {reason}</source>
        <translation>✗ No enviada: {reason}</translation>
    </message>
    <message>
        <source>? No confirmation yet for {who}: the server has not answered.</source>
        <translation>? Aún sin confirmación para {who}: el servidor no ha respondido.</translation>
    </message>
    <message>
        <source>✗ {who}: {reason}</source>
        <translation>✗ {who}: {reason}</translation>
    </message>
    <message>
        <source>✗ {who} is no longer in your list.</source>
        <translation>✗ {who} ya no está en tu lista.</translation>
    </message>
    <message>
        <source>✗ {who}: something went wrong; see the log.</source>
        <translation>✗ {who}: algo ha fallado; consulta el registro.</translation>
    </message>
    <message>
        <source>❚❚ {who}: saved on this computer; it will be sent when the connection is back.</source>
        <translation>❚❚ {who}: guardada en este equipo; se enviará cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>✓ {who}: personal callback confirmed for {when} your time.</source>
        <translation>✓ {who}: rellamada personal confirmada para el {when}, tu hora.</translation>
    </message>
    <message>
        <source>✓ {who}: campaign callback confirmed for {when} your time.</source>
        <translation>✓ {who}: rellamada de campaña confirmada para el {when}, tu hora.</translation>
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
        <translation>&amp;Reprogramar…</translation>
    </message>
    <message>
        <source>Reschedule the selected callback (Ctrl+R)</source>
        <translation>Reprogramar la rellamada seleccionada (Ctrl+R)</translation>
    </message>
    <message>
        <source>Filter: name, phone, campaign… (Ctrl+F)</source>
        <translation>Filtrar: nombre, teléfono, campaña… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter callbacks</source>
        <translation>Filtrar rellamadas</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Show callback type</source>
        <translation>Mostrar tipo de rellamada</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Show campaign</source>
        <translation>Mostrar campaña</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Todas las campañas</translation>
    </message>
    <message>
        <source>Scheduled callbacks</source>
        <translation>Rellamadas programadas</translation>
    </message>
    <message>
        <source>Ctrl+R reschedules the selected callback.</source>
        <translation>Ctrl+R reprograma la rellamada seleccionada.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} de {total} mostradas</translation>
    </message>
    <message>
        <source>{total} callbacks</source>
        <translation>{total} rellamadas</translation>
    </message>
    <message>
        <source>Settings saved. Server and language changes apply at the next start.</source>
        <translation>Configuración guardada. Los cambios de servidor e idioma se aplican en el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>&amp;Snooze 5 min</source>
        <translation>&amp;Posponer 5 min</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (y %n más)</numerusform>
            <numerusform> (y %n más)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Show Agent Desktop</source>
        <translation>Mostrar Agent Desktop</translation>
    </message>
    <message>
        <source>Snooze reminders 5 min</source>
        <translation>Posponer los recordatorios 5 min</translation>
    </message>
    <message>
        <source>Callback due soon</source>
        <translation>Rellamada próxima</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>{who} is due now</source>
        <translation>{who}: vence ahora</translation>
    </message>
    <message>
        <source>{who} is due in {duration}</source>
        <translation>{who}: vence en {duration}</translation>
    </message>
    <message>
        <source>Agent Desktop — no overdue callbacks</source>
        <translation>Agent Desktop — ninguna rellamada vencida</translation>
    </message>
    <message>
        <source>Agent Desktop — overdue callbacks: %n</source>
        <translation>Agent Desktop — rellamadas vencidas: %n</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule — {who}</source>
        <translation>Reprogramar — {who}</translation>
    </message>
    <message>
        <source>Reschedule callback</source>
        <translation>Reprogramar rellamada</translation>
    </message>
    <message>
        <source>Date, your time</source>
        <translation>Fecha, tu hora</translation>
    </message>
    <message>
        <source>&amp;Date (your time):</source>
        <translation>&amp;Fecha (tu hora):</translation>
    </message>
    <message>
        <source>Time, your time</source>
        <translation>Hora, tu hora</translation>
    </message>
    <message>
        <source>&amp;Time (your time):</source>
        <translation>&amp;Hora (tu hora):</translation>
    </message>
    <message>
        <source>+1 &amp;hour</source>
        <translation>+1 &amp;hora</translation>
    </message>
    <message>
        <source>Tomorrow, &amp;same time</source>
        <translation>Mañana a la &amp;misma hora</translation>
    </message>
    <message>
        <source>&amp;Next business day 09:00 theirs</source>
        <translation>Siguiente día &amp;laborable, 09:00 suyas</translation>
    </message>
    <message>
        <source>Quick picks:</source>
        <translation>Atajos:</translation>
    </message>
    <message>
        <source>Callback at:</source>
        <translation>Rellamada a las:</translation>
    </message>
    <message>
        <source>&amp;Personal (I call back)</source>
        <translation>&amp;Personal (llamo yo)</translation>
    </message>
    <message>
        <source>&amp;Campaign (any agent)</source>
        <translation>&amp;Campaña (cualquier agente)</translation>
    </message>
    <message>
        <source>Callback type:</source>
        <translation>Tipo de rellamada:</translation>
    </message>
    <message>
        <source>Problem with the chosen time</source>
        <translation>Problema con la hora elegida</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reprogramar</translation>
    </message>
    <message>
        <source>now {time} there</source>
        <translation>allí son las {time}</translation>
    </message>
    <message>
        <source>Calling hours: {hours} {zone} time</source>
        <translation>Horario de llamadas: {hours}, hora de {zone}</translation>
    </message>
    <message>
        <source>Now scheduled: {when} your time</source>
        <translation>Programada ahora: {when}, tu hora</translation>
    </message>
    <message>
        <source>Your site sends every reschedule back to the campaign.</source>
        <translation>Tu centro devuelve cada reprogramación a la campaña.</translation>
    </message>
    <message>
        <source>Your site makes every reschedule a personal callback.</source>
        <translation>Tu centro convierte cada reprogramación en una rellamada personal.</translation>
    </message>
    <message>
        <source>Type a time like 14:30.</source>
        <translation>Escribe una hora como 14:30.</translation>
    </message>
    <message>
        <source>their zone is unknown</source>
        <translation>su zona horaria es desconocida</translation>
    </message>
    <message>
        <source>{mine} your time  ·  {theirs}</source>
        <translation>{mine}, tu hora  ·  {theirs}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>The time has no time zone.</source>
        <extracomment>A callback needs a little lead: a time a few seconds ahead is in the past by the time OCS sees it.</extracomment>
        <translation>La hora no tiene zona horaria.</translation>
    </message>
    <message>
        <source>Your account is not allowed to reschedule records.</source>
        <translation>Tu cuenta no tiene permiso para reprogramar registros.</translation>
    </message>
    <message>
        <source>{type} callbacks are not allowed here.</source>
        <translation>Aquí no se permiten rellamadas de tipo {type}.</translation>
    </message>
    <message>
        <source>Pick a time at least {minutes} minute(s) from now.</source>
        <translation>Elige una hora al menos {minutes} minuto(s) a partir de ahora.</translation>
    </message>
    <message>
        <source>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</source>
        <translation>{time} está fuera del horario de llamadas del contacto ({hours} {zone}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>GWS server addresses</source>
        <translation>Direcciones de los servidores GWS</translation>
    </message>
    <message>
        <source>One address per line, tried in this order.</source>
        <translation>Una dirección por línea, se prueban en este orden.</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>Los certificados del sistema</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>Archivo de certificados de CA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Elegir el archivo de certificados de CA</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Acknowledgement timeout in seconds</source>
        <translation>Tiempo de espera de la confirmación, en segundos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Reminder lead times in minutes</source>
        <translation>Antelación de los recordatorios, en minutos</translation>
    </message>
    <message>
        <source>Minutes before a callback is due, separated by commas. Empty: no reminders.</source>
        <translation>Minutos antes de que venza una rellamada, separados por comas. Vacío: sin recordatorios.</translation>
    </message>
    <message>
        <source>My time</source>
        <translation>Mi hora</translation>
    </message>
    <message>
        <source>The contact&apos;s time</source>
        <translation>La hora del contacto</translation>
    </message>
    <message>
        <source>Time shown first</source>
        <translation>Hora que se muestra primero</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>GWS &amp;servers:</source>
        <translation>&amp;Servidores GWS:</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>Certificados de &amp;CA:</translation>
    </message>
    <message>
        <source>&amp;Acknowledgement timeout:</source>
        <translation>Espera de &amp;confirmación:</translation>
    </message>
    <message>
        <source>&amp;Remind me (minutes before):</source>
        <translation>&amp;Recordarme (minutos antes):</translation>
    </message>
    <message>
        <source>Show &amp;first:</source>
        <translation>Mostrar &amp;primero:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Server and language changes apply at the next start.</source>
        <translation>Los cambios de servidor e idioma se aplican en el próximo inicio.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Certificados de CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
</context>
</TS>
