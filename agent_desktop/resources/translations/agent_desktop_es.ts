<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AtRiskBanner</name>
    <message>
        <source>Callbacks at risk</source>
        <translation>Rellamadas en riesgo</translation>
    </message>
    <message>
        <source>&amp;Hand to campaign</source>
        <translation>&amp;Pasar a la campaña</translation>
    </message>
    <message>
        <source>Any agent of the campaign will call them at their time</source>
        <translation>Cualquier agente de la campaña las hará a su hora</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>desconectado</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n personal callback(s) will come due while you are {state}: nobody would call them. First: {who} at {when}.</source>
        <translation>
            <numerusform>⚠ %n rellamada personal vencerá mientras estás {state}: nadie la haría. Primera: {who} a las {when}.</numerusform>
            <numerusform>⚠ %n rellamadas personales vencerán mientras estás {state}: nadie las haría. Primera: {who} a las {when}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkMove</name>
    <message>
        <source>The callback is no longer in your list.</source>
        <extracomment>Requests on the wire at once: enough to hide the round trips, few enough for the server.</extracomment>
        <translation>La rellamada ya no está en tu lista.</translation>
    </message>
    <message>
        <source>Something went wrong; see the log.</source>
        <translation>Algo ha fallado; consulta el registro.</translation>
    </message>
</context>
<context>
    <name>BulkMoveDialog</name>
    <message>
        <source>Move {count} callbacks</source>
        <translation>Mover {count} rellamadas</translation>
    </message>
    <message>
        <source>Move several callbacks</source>
        <translation>Mover varias rellamadas</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <source>A &amp;day (your time):</source>
        <translation>Un &amp;día (tu hora):</translation>
    </message>
    <message>
        <source>Day, your time</source>
        <translation>Día, tu hora</translation>
    </message>
    <message>
        <source>A time &amp;range (your time):</source>
        <translation>Un &amp;intervalo (tu hora):</translation>
    </message>
    <message>
        <source>From, your time</source>
        <translation>Desde, tu hora</translation>
    </message>
    <message>
        <source>Until, your time</source>
        <translation>Hasta, tu hora</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Callback type</source>
        <translation>Tipo de rellamada</translation>
    </message>
    <message>
        <source>Personal (I call back)</source>
        <translation>Personal (llamo yo)</translation>
    </message>
    <message>
        <source>Campaign (any agent)</source>
        <translation>De campaña (cualquier agente)</translation>
    </message>
    <message>
        <source>Callback &amp;type:</source>
        <translation>&amp;Tipo de rellamada:</translation>
    </message>
    <message>
        <source>What the move would do</source>
        <translation>Qué haría el cambio</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Callbacks moved so far</source>
        <translation>Rellamadas movidas hasta ahora</translation>
    </message>
    <message>
        <source>Callbacks that were not moved, and why</source>
        <translation>Rellamadas que no se movieron y por qué</translation>
    </message>
    <message>
        <source>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours and your working hours.</source>
        <translation>{placed} de {total} rellamadas reciben una hora dentro del horario de llamada de su contacto y de tu horario de trabajo.</translation>
    </message>
    <message>
        <source>{placed} of {total} callbacks get a time inside their contact&apos;s calling hours.</source>
        <translation>{placed} de {total} rellamadas reciben una hora dentro del horario de llamada de su contacto.</translation>
    </message>
    <message>
        <source>First at {first}, last at {last} (your time).</source>
        <translation>La primera a las {first}, la última a las {last} (tu hora).</translation>
    </message>
    <message>
        <source>⚠ {count} share a slot with another personal callback (the range is too full).</source>
        <translation>⚠ {count} comparten franja con otra rellamada personal (el intervalo está demasiado lleno).</translation>
    </message>
    <message>
        <source>{count} have no known time zone: their calling hours cannot be checked.</source>
        <translation>{count} no tienen zona horaria conocida: no se puede comprobar su horario de llamada.</translation>
    </message>
    <message>
        <source>✗ {count} cannot be placed:</source>
        <translation>✗ {count} no se pueden colocar:</translation>
    </message>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Tu cuenta no tiene permiso para reprogramar rellamadas.</translation>
    </message>
    <message>
        <source>Moved {done} of {total} callbacks…</source>
        <translation>Movidas {done} de {total} rellamadas…</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the answers to the requests already sent…</source>
        <translation>Cancelando: esperando la respuesta a las solicitudes ya enviadas…</translation>
    </message>
    <message>
        <source>✗ The move stopped: something went wrong; see the log.</source>
        <translation>✗ El cambio se detuvo: algo ha fallado; consulta el registro.</translation>
    </message>
    <message>
        <source>✓ {count} moved and confirmed.</source>
        <translation>✓ {count} movidas y confirmadas.</translation>
    </message>
    <message>
        <source>❚❚ {count} saved on this computer: sent when the connection is back.</source>
        <translation>❚❚ {count} guardadas en este equipo: se enviarán cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>? {count} not confirmed yet: sent again by themselves.</source>
        <translation>? {count} aún sin confirmar: se reenvían solas.</translation>
    </message>
    <message>
        <source>✗ {count} failed.</source>
        <translation>✗ {count} fallaron.</translation>
    </message>
    <message>
        <source>— {count} not sent (cancelled): they keep their old time.</source>
        <translation>— {count} sin enviar (cancelado): conservan su hora anterior.</translation>
    </message>
    <message>
        <source>— {count} not moved: no time in the chosen range fits them.</source>
        <translation>— {count} sin mover: ninguna hora del intervalo elegido les encaja.</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fallaron:</translation>
    </message>
    <message>
        <source>Not placed:</source>
        <translation>Sin colocar:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… y {count} más</translation>
    </message>
</context>
<context>
    <name>CallResult</name>
    <message>
        <source>Answered</source>
        <translation>Contestó</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No contesta</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Answering machine</source>
        <translation>Contestador</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>Persona equivocada</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Número equivocado</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>No llamar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Cortada</translation>
    </message>
</context>
<context>
    <name>CancelCallbackDialog</name>
    <message>
        <source>Cancel callback — {who}</source>
        <translation>Cancelar rellamada — {who}</translation>
    </message>
    <message>
        <source>The campaign will not call {who} on {phone} for this record again. This cannot be undone from here.</source>
        <translation>La campaña no volverá a llamar a {who} al {phone} por este registro. No se puede deshacer desde aquí.</translation>
    </message>
    <message>
        <source>Cancel the &amp;callback</source>
        <translation>Cancelar la &amp;rellamada</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Mantenerla</translation>
    </message>
</context>
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
    <name>CompleteDialog</name>
    <message>
        <source>Complete — {who}</source>
        <translation>Finalizar — {who}</translation>
    </message>
    <message>
        <source>The record is done: it leaves your list and the campaign does not call it again.</source>
        <translation>El registro queda terminado: sale de tu lista y la campaña no vuelve a llamarlo.</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>Resultado de la llamada</translation>
    </message>
    <message>
        <source>Call &amp;result:</source>
        <translation>&amp;Resultado de la llamada:</translation>
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
    <name>DayTimeline</name>
    <message>
        <source>Callbacks of the day on a timeline</source>
        <translation>Rellamadas del día en una línea de tiempo</translation>
    </message>
    <message>
        <source>{count} callbacks on this day. Up and Down choose one.</source>
        <translation>{count} rellamadas este día. Arriba y Abajo eligen una.</translation>
    </message>
    <message>
        <source>No callbacks on this day.</source>
        <translation>No hay rellamadas este día.</translation>
    </message>
    <message>
        <source>{who}, {type} callback at {when} your time ({theirs}).</source>
        <translation>{who}, rellamada {type} a las {when} tu hora ({theirs}).</translation>
    </message>
    <message>
        <source>Move to {when} your time ({theirs}): press Enter to reschedule.</source>
        <translation>Mover a las {when} tu hora ({theirs}): pulsa Intro para reprogramar.</translation>
    </message>
    <message>
        <source>{when} your time · {theirs}</source>
        <translation>{when} tu hora · {theirs}</translation>
    </message>
    <message>
        <source>{type} · {campaign} · calling hours {hours} their time</source>
        <translation>{type} · {campaign} · horario de llamada {hours} su hora</translation>
    </message>
    <message>
        <source>Your time ({zone})</source>
        <translation>Tu hora ({zone})</translation>
    </message>
    <message>
        <source>Callbacks per {minutes} min
(hatched: campaign)</source>
        <translation>Rellamadas cada {minutes} min
(rayadas: de campaña)</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Day view</source>
        <translation>Vista del día</translation>
    </message>
    <message>
        <source>◀ &amp;Previous day</source>
        <translation>◀ Día &amp;anterior</translation>
    </message>
    <message>
        <source>Previous day (Page Up)</source>
        <translation>Día anterior (Re Pág)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>&amp;Next day ▶</source>
        <translation>Día &amp;siguiente ▶</translation>
    </message>
    <message>
        <source>Next day (Page Down)</source>
        <translation>Día siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>de campaña</translation>
    </message>
    <message>
        <source>the contact may be called</source>
        <translation>se puede llamar al contacto</translation>
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
        <source>History</source>
        <translation>Historial</translation>
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
        <translation>No llamar — {who}</translation>
    </message>
    <message>
        <source>The contact asked not to be called. Marked numbers are not dialled again by any campaign.</source>
        <translation>El contacto pidió que no se le llame. Ninguna campaña vuelve a marcar los números marcados.</translation>
    </message>
    <message>
        <source>&amp;Mark do not call</source>
        <translation>&amp;Marcar como no llamar</translation>
    </message>
    <message>
        <source>&amp;This number only ({phone})</source>
        <translation>&amp;Solo este número ({phone})</translation>
    </message>
    <message>
        <source>&amp;Every number of this contact</source>
        <translation>&amp;Todos los números de este contacto</translation>
    </message>
    <message>
        <source>&amp;Keep calling</source>
        <translation>&amp;Seguir llamando</translation>
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
    <message>
        <source>The contact&apos;s time zone has no name the server knows, so a new number cannot be added.</source>
        <translation>La zona horaria del contacto no tiene un nombre que el servidor conozca, así que no se puede añadir un número nuevo.</translation>
    </message>
    <message>
        <source>Your account is not allowed to cancel callbacks.</source>
        <translation>Tu cuenta no puede cancelar rellamadas.</translation>
    </message>
    <message>
        <source>Your account is not allowed to mark contacts do-not-call.</source>
        <translation>Tu cuenta no puede marcar contactos como no llamar.</translation>
    </message>
    <message>
        <source>Your account is not allowed to set call results.</source>
        <translation>Tu cuenta no puede indicar resultados de llamada.</translation>
    </message>
    <message>
        <source>The call result {result} is not offered to you.</source>
        <translation>El resultado de llamada {result} no está disponible para ti.</translation>
    </message>
    <message>
        <source>Your account is not allowed to reschedule on a new number.</source>
        <translation>Tu cuenta no puede reprogramar a un número nuevo.</translation>
    </message>
    <message>
        <source>Enter the new phone number (digits, at most {n} characters).</source>
        <translation>Escribe el número nuevo (dígitos, como máximo {n} caracteres).</translation>
    </message>
    <message>
        <source>The record&apos;s chain is not known, so a new number cannot join it.</source>
        <translation>No se conoce la cadena del registro, así que un número nuevo no puede unirse a ella.</translation>
    </message>
    <message>
        <source>The server did not say which record it added.</source>
        <translation>El servidor no dijo qué registro añadió.</translation>
    </message>
    <message>
        <source>Not connected to the server: try again once you are back online.</source>
        <translation>Sin conexión con el servidor: vuelve a intentarlo cuando haya conexión.</translation>
    </message>
    <message>
        <source>The record&apos;s calling list is not known, so the server cannot be asked.</source>
        <translation>No se conoce la lista de llamadas del registro, así que no se puede pedir al servidor.</translation>
    </message>
    <message>
        <source>Another change of this record is under way: wait for it to finish.</source>
        <translation>Hay otro cambio de este registro en curso: espera a que termine.</translation>
    </message>
    <message>
        <source>No confirmation from the server in time: it may or may not have been done.</source>
        <translation>El servidor no confirmó a tiempo: puede que se haya hecho o no.</translation>
    </message>
    <message>
        <source>The server added the new number but did not send its record.</source>
        <translation>El servidor añadió el número nuevo pero no envió su registro.</translation>
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
        <source>Nothing to restore: this callback has not been moved from here.</source>
        <translation>Nada que restaurar: esta rellamada no se ha movido desde aquí.</translation>
    </message>
    <message>
        <source>{who} back to {when} your time</source>
        <translation>{who} de vuelta a las {when} tu hora</translation>
    </message>
    <message>
        <source>Nothing to undo: what you confirmed has been sent.</source>
        <translation>Nada que deshacer: lo que confirmaste ya se envió.</translation>
    </message>
    <message>
        <source>↶ Undone, nothing was sent: {what}</source>
        <translation>↶ Deshecho, no se envió nada: {what}</translation>
    </message>
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
        <source>{who} → {when} your time, personal</source>
        <translation>{who} → {when} tu hora, personal</translation>
    </message>
    <message>
        <source>{who} → {when} your time, campaign</source>
        <translation>{who} → {when} tu hora, de campaña</translation>
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
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Restore &amp;previous time</source>
        <translation>Restaurar la hora &amp;anterior</translation>
    </message>
    <message>
        <source>Move the callback back to where your last reschedule took it from</source>
        <translation>Devolver la rellamada a la hora de la que la sacó tu última reprogramación</translation>
    </message>
    <message>
        <source>&amp;Move selected…</source>
        <translation>&amp;Mover seleccionadas…</translation>
    </message>
    <message>
        <source>Move the selected callbacks to a day or a time range (Ctrl+M)</source>
        <translation>Mover las rellamadas seleccionadas a un día o un intervalo (Ctrl+M)</translation>
    </message>
    <message>
        <source>Call back on another &amp;number…</source>
        <translation>Rellamar a otro &amp;número…</translation>
    </message>
    <message>
        <source>&amp;Cancel callback…</source>
        <translation>&amp;Cancelar rellamada…</translation>
    </message>
    <message>
        <source>Mark &amp;do not call…</source>
        <translation>Marcar como no &amp;llamar…</translation>
    </message>
    <message>
        <source>C&amp;omplete with call result…</source>
        <translation>&amp;Finalizar con resultado…</translation>
    </message>
    <message>
        <source>&amp;Undo reschedule</source>
        <translation>&amp;Deshacer reprogramación</translation>
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
        <source>Your account is not allowed to do this.</source>
        <translation>Tu cuenta no puede hacer esto.</translation>
    </message>
    <message>
        <source>Settings saved. Server and language changes apply at the next start.</source>
        <translation>Configuración guardada. Los cambios de servidor e idioma se aplican en el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>NewNumberDialog</name>
    <message>
        <source>Call back on another number — {who}</source>
        <translation>Rellamar a otro número — {who}</translation>
    </message>
    <message>
        <source>The new number joins this contact&apos;s records; you choose the time next.</source>
        <translation>El número nuevo se une a los registros de este contacto; después eliges la hora.</translation>
    </message>
    <message>
        <source>&amp;Next…</source>
        <translation>&amp;Siguiente…</translation>
    </message>
    <message>
        <source>Phone number to call back on</source>
        <translation>Número al que rellamar</translation>
    </message>
    <message>
        <source>+1 212 555 0100</source>
        <translation>+34 912 345 678</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>That is not a phone number: digits, spaces and one leading + only.</source>
        <translation>Eso no es un número de teléfono: solo dígitos, espacios y un + inicial.</translation>
    </message>
    <message>
        <source>That is the number the callback already has.</source>
        <translation>Es el número que ya tiene la rellamada.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>The chosen range is over or starts within a minute: pick a later time.</source>
        <translation>El intervalo elegido ya pasó o empieza en menos de un minuto: elige una hora posterior.</translation>
    </message>
    <message>
        <source>Their calling hours in the chosen range are outside your working hours.</source>
        <translation>Su horario de llamada en el intervalo elegido queda fuera de tu horario de trabajo.</translation>
    </message>
    <message>
        <source>No time in the chosen range fits the contact&apos;s calling hours.</source>
        <translation>Ninguna hora del intervalo elegido encaja en el horario de llamada del contacto.</translation>
    </message>
</context>
<context>
    <name>PlannerWiring</name>
    <message>
        <source>✗ Your account is not allowed to reschedule callbacks.</source>
        <translation>✗ Tu cuenta no tiene permiso para reprogramar rellamadas.</translation>
    </message>
    <message numerus="yes">
        <source>Moved: %n confirmed</source>
        <translation>
            <numerusform>Movidas: %n confirmada</numerusform>
            <numerusform>Movidas: %n confirmadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n saved to send later</source>
        <translation>
            <numerusform>, %n guardada para enviar después</numerusform>
            <numerusform>, %n guardadas para enviar después</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not confirmed yet</source>
        <translation>
            <numerusform>, %n aún sin confirmar</numerusform>
            <numerusform>, %n aún sin confirmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n rechazada</numerusform>
            <numerusform>, %n rechazadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not moved</source>
        <translation>
            <numerusform>, %n sin mover</numerusform>
            <numerusform>, %n sin mover</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account cannot hand callbacks to the campaign.</source>
        <translation>Tu cuenta no puede pasar rellamadas a la campaña.</translation>
    </message>
    <message>
        <source>Personal callbacks still to come</source>
        <translation>Rellamadas personales pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%n personal callback(s) will come due while you are logged out: nobody would call them. First: {who} at {when}.</source>
        <translation>
            <numerusform>%n rellamada personal vencerá mientras estás desconectado: nadie la haría. Primera: {who} a las {when}.</numerusform>
            <numerusform>%n rellamadas personales vencerán mientras estás desconectado: nadie las haría. Primera: {who} a las {when}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hand to campaign and quit</source>
        <translation>&amp;Pasarlas a la campaña y salir</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Salir igualmente</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Quedarme</translation>
    </message>
    <message>
        <source>✗ Handing over failed; see the log.</source>
        <translation>✗ No se pudieron pasar; consulta el registro.</translation>
    </message>
    <message numerus="yes">
        <source>Handed to the campaign: %n</source>
        <translation>
            <numerusform>Pasadas a la campaña: %n</numerusform>
            <numerusform>Pasadas a la campaña: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n refused</source>
        <translation>
            <numerusform>; %n rechazada</numerusform>
            <numerusform>; %n rechazadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>✗ {who}: something went wrong; see the log.</source>
        <translation>✗ {who}: algo ha fallado; consulta el registro.</translation>
    </message>
    <message>
        <source>✓ {who}: callback cancelled.</source>
        <translation>✓ {who}: rellamada cancelada.</translation>
    </message>
    <message>
        <source>✓ {who}: every number marked do not call.</source>
        <translation>✓ {who}: todos los números marcados como no llamar.</translation>
    </message>
    <message>
        <source>✓ {who}: number marked do not call.</source>
        <translation>✓ {who}: número marcado como no llamar.</translation>
    </message>
    <message>
        <source>✓ {who}: completed ({result}).</source>
        <translation>✓ {who}: finalizado ({result}).</translation>
    </message>
    <message>
        <source>✓ {who}: personal callback on {phone} confirmed for {when} your time.</source>
        <translation>✓ {who}: rellamada personal al {phone} confirmada para las {when} tu hora.</translation>
    </message>
    <message>
        <source>✓ {who}: campaign callback on {phone} confirmed for {when} your time.</source>
        <translation>✓ {who}: rellamada de campaña al {phone} confirmada para las {when} tu hora.</translation>
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
        <translation>de campaña</translation>
    </message>
    <message>
        <source>{old} → {new}, {type}</source>
        <translation>{old} → {new}, {type}</translation>
    </message>
    <message>
        <source>✓ confirmed</source>
        <translation>✓ confirmada</translation>
    </message>
    <message>
        <source>✗ refused: {reason}</source>
        <translation>✗ rechazada: {reason}</translation>
    </message>
    <message>
        <source>✗ refused</source>
        <translation>✗ rechazada</translation>
    </message>
    <message>
        <source>replaced by a newer reschedule before it was sent</source>
        <translation>sustituida por una reprogramación más reciente antes de enviarse</translation>
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
        <source>Su&amp;ggested:</source>
        <translation>Su&amp;geridas:</translation>
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
    <message>
        <source>Your clocks skip {typed} that night: this is {time}.</source>
        <translation>Esa noche tu reloj se salta las {typed}: esto son las {time}.</translation>
    </message>
    <message>
        <source>Your clocks show {time} twice that night: this is the second one ({zone}).</source>
        <translation>Esa noche tu reloj marca las {time} dos veces: esta es la segunda ({zone}).</translation>
    </message>
    <message>
        <source>Your clocks show {time} twice that night: this is the first one ({zone}).</source>
        <translation>Esa noche tu reloj marca las {time} dos veces: esta es la primera ({zone}).</translation>
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
        <source>Monday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El lunes {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Tuesday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El martes {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Wednesday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El miércoles {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Thursday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El jueves {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Friday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El viernes {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Saturday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El sábado {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>Sunday {date} is not a calling day for the contact ({zone}).</source>
        <translation>El domingo {date} no es día de llamadas para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>{date} is a holiday for the contact ({zone}).</source>
        <translation>El {date} es festivo para el contacto ({zone}).</translation>
    </message>
    <message>
        <source>{time} is outside the contact&apos;s calling hours ({hours} {zone}).</source>
        <translation>{time} está fuera del horario de llamadas del contacto ({hours} {zone}).</translation>
    </message>
    <message>
        <source>{time} is outside the campaign&apos;s calling hours ({hours} {zone}).</source>
        <translation>Las {time} quedan fuera del horario de llamadas de la campaña ({hours} {zone}).</translation>
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
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Callback slot length in minutes</source>
        <translation>Duración de la franja de rellamada en minutos</translation>
    </message>
    <message>
        <source>Two of your personal callbacks closer than this are shown as a conflict.</source>
        <translation>Dos rellamadas personales tuyas más cercanas que esto se muestran como conflicto.</translation>
    </message>
    <message>
        <source>Send at once</source>
        <translation>Enviar al momento</translation>
    </message>
    <message>
        <source>Undo time in seconds</source>
        <translation>Tiempo para deshacer en segundos</translation>
    </message>
    <message>
        <source>A reschedule waits this long before it is sent, so that you can undo it.</source>
        <translation>Una reprogramación espera este tiempo antes de enviarse, para que puedas deshacerla.</translation>
    </message>
    <message>
        <source>Working hours from</source>
        <translation>Horario de trabajo desde</translation>
    </message>
    <message>
        <source>Working hours until</source>
        <translation>Horario de trabajo hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
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
        <source>Callback sl&amp;ot length:</source>
        <translation>Duración de la &amp;franja:</translation>
    </message>
    <message>
        <source>&amp;Undo time before sending:</source>
        <translation>Tiempo para &amp;deshacer antes de enviar:</translation>
    </message>
    <message>
        <source>My &amp;working hours:</source>
        <translation>Mi &amp;horario de trabajo:</translation>
    </message>
    <message>
        <source>Personal callbacks are suggested and planned inside them.</source>
        <translation>Las rellamadas personales se sugieren y planifican dentro de él.</translation>
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
<context>
    <name>SlotLoadNote</name>
    <message>
        <source>Collision with your callbacks</source>
        <translation>Coincidencia con tus rellamadas</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: free.</source>
        <translation>Tu franja {start}–{end}: libre.</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: 1 personal callback.</source>
        <translation>Tu franja {start}–{end}: 1 rellamada personal.</translation>
    </message>
    <message>
        <source>Your slot {start}–{end}: {count} personal callbacks.</source>
        <translation>Tu franja {start}–{end}: {count} rellamadas personales.</translation>
    </message>
    <message>
        <source>⚠ Collides with your personal callback to {who} at {time}.</source>
        <translation>⚠ Coincide con tu rellamada personal a {who} a las {time}.</translation>
    </message>
    <message>
        <source>⚠ Collides with your personal callback to {who} at {time} and {more} more.</source>
        <translation>⚠ Coincide con tu rellamada personal a {who} a las {time} y {more} más.</translation>
    </message>
</context>
<context>
    <name>SlotSuggestionList</name>
    <message>
        <source>Suggested times</source>
        <translation>Horas sugeridas</translation>
    </message>
    <message>
        <source>The next times inside the contact&apos;s calling hours, free ones first. Space picks one, Enter picks it and reschedules.</source>
        <translation>Las próximas horas dentro del horario de llamada del contacto, primero las libres. Espacio elige una; Intro la elige y reprograma.</translation>
    </message>
    <message>
        <source>No time in the next two weeks is inside their calling hours.</source>
        <translation>Ninguna hora de las próximas dos semanas está dentro de su horario de llamada.</translation>
    </message>
    <message>
        <source>{time} you</source>
        <translation>{time} tú</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
</context>
<context>
    <name>SlotSuggestions</name>
    <message>
        <source>⚠ 1 callback</source>
        <translation>⚠ 1 rellamada</translation>
    </message>
    <message>
        <source>⚠ {count} callbacks</source>
        <translation>⚠ {count} rellamadas</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Waiting to send</source>
        <translation>Esperando para enviar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Take the reschedule back before it is sent (Ctrl+Z)</source>
        <translation>Retirar la reprogramación antes de que se envíe (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Sending in {seconds} s: {what}</source>
        <translation>Se envía en {seconds} s: {what}</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more waiting)</source>
        <translation>
            <numerusform> (y %n más en espera)</numerusform>
            <numerusform> (y %n más en espera)</numerusform>
        </translation>
    </message>
</context>
</TS>
