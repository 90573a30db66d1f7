<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
 <context>
  <name>AreaReportDialog</name>
  <message>
   <location filename="worldcereal_qgis/gui/area_report_dialog.py" line="29" />
   <source>Accuracy and area report</source>
   <translation>Informe de exactitud y superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/area_report_dialog.py" line="36" />
   <source>Open in browser</source>
   <translation>Abrir en el navegador</translation>
  </message>
 </context>
 <context>
  <name>AreasMenu</name>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="18" />
   <source>Assess accuracy and estimate areas…</source>
   <translation>Evaluar la exactitud y estimar superficies…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="67" />
   <source>Crop area per unit</source>
   <translation>Superficie de cultivo por unidad</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="20" />
   <source>Crop area statistics per unit…</source>
   <translation>Estadísticas de superficie de cultivo por unidad…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="15" />
   <source>Design a sample for accuracy and area…</source>
   <translation>Diseñar una muestra para la exactitud y las superficies…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="17" />
   <source>Label the sample…</source>
   <translation>Etiquetar la muestra…</translation>
  </message>
 </context>
 <context>
  <name>AuthStore</name>
  <message>
   <location filename="worldcereal_qgis/adapters/auth_store.py" line="35" />
   <source>QGIS's authentication database is locked and cannot ask for the master password here; write it to a file readable only by you and set QGIS_AUTH_PASSWORD_FILE to that file's path.</source>
   <translation>La base de autenticación de QGIS está bloqueada y aquí no puede pedir la contraseña maestra; escríbala en un archivo que solo usted pueda leer e indique su ruta en QGIS_AUTH_PASSWORD_FILE.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/auth_store.py" line="37" />
   <source>QGIS's authentication database is locked; enter the master password to use your stored logins.</source>
   <translation>La base de autenticación de QGIS está bloqueada; introduzca la contraseña maestra para usar sus sesiones guardadas.</translation>
  </message>
 </context>
 <context>
  <name>ClassPicker</name>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="295" />
   <source>Choose a class mappings file and a mapping.</source>
   <translation>Elija un archivo de correspondencias de clases y una correspondencia.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="73" />
   <source>Choose the classes of a custom crop-type model</source>
   <translation>Elegir las clases de un modelo propio de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="59" />
   <source>Choose your extractions (Parquet, long format).</source>
   <translation>Elija sus extracciones (Parquet, formato largo).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="289" />
   <source>Choose your extractions first.</source>
   <translation>Elija primero sus extracciones.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Class (EWOC hierarchy)</source>
   <translation>Clase (jerarquía EWOC)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="123" />
   <source>Class mappings</source>
   <translation>Correspondencias de clases</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="117" />
   <source>Class mappings (*.json)</source>
   <translation>Correspondencias de clases (*.json)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="70" />
   <source>Class of the mapping; EWOC codes: {codes}</source>
   <translation>Clase de la correspondencia; códigos EWOC: {codes}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="49" />
   <source>Count training samples per class</source>
   <translation>Contar las muestras de entrenamiento por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="48" />
   <source>Counting the samples in the season…</source>
   <translation>Contando las muestras de la temporada…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="287" />
   <source>Counting the samples…</source>
   <translation>Contando las muestras…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="152" />
   <source>Double-click to rename this class</source>
   <translation>Haga doble clic para renombrar esta clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="62" />
   <source>EWOC group {name}: tick it to train all its classes as one class</source>
   <translation>Grupo EWOC {name}: márquelo para entrenar todas sus clases como una sola clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="121" />
   <source>Extractions</source>
   <translation>Extracciones</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="109" />
   <source>Extractions (*.parquet *.geoparquet);;All files (*)</source>
   <translation>Extracciones (*.parquet *.geoparquet);;Todos los archivos (*)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="124" />
   <source>Mapping</source>
   <translation>Correspondencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="273" />
   <source>Model classes (output values in this order): {classes}.</source>
   <translation>Clases del modelo (valores de salida en este orden): {classes}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="293" />
   <source>No sample is in this season with all 12 months: pick the months the labels were observed in.</source>
   <translation>Ninguna muestra está en esta temporada con los 12 meses: elija los meses en que se observaron las etiquetas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="291" />
   <source>No sample is left for training: {reason}</source>
   <translation>No queda ninguna muestra para el entrenamiento: {reason}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="283" />
   <source>Open the training algorithm with these classes</source>
   <translation>Abrir el algoritmo de entrenamiento con estas clases</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="48" />
   <source>Reading the samples…</source>
   <translation>Leyendo las muestras…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Samples</source>
   <translation>Muestras</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="144" />
   <source>Samples whose label date (valid_time) falls in these months, in any year, are used</source>
   <translation>Se usan las muestras cuya fecha de etiqueta (valid_time) cae en estos meses, en cualquier año</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="67" />
   <source>Samples with EWOC code {code}</source>
   <translation>Muestras con el código EWOC {code}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="122" />
   <source>Season</source>
   <translation>Temporada</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="210" />
   <source>The class mappings file {name} cannot be read.</source>
   <translation>No se puede leer el archivo de correspondencias de clases {name}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="160" />
   <source>Tick a class to train it; ticking a parent merges its children into it. Double-click 'Trains as' of a ticked class to rename it. Everything unticked trains as 'other'.</source>
   <translation>Marque una clase para entrenarla; marcar un padre fusiona sus hijos en él. Haga doble clic en «Se entrena como» de una clase marcada para renombrarla. Todo lo no marcado se entrena como 'other'.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="134" />
   <source>Train with these classes…</source>
   <translation>Entrenar con estas clases…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Trains as</source>
   <translation>Se entrena como</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="119" />
   <source>Which mapping of the file names the EWOC codes (e.g. CROPTYPE24)</source>
   <translation>La correspondencia del archivo que da nombre a los códigos EWOC (p. ej. CROPTYPE24)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="110" />
   <source>Your extractions (WorldCereal long format)</source>
   <translation>Sus extracciones (formato largo de WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="113" />
   <source>to</source>
   <translation>a</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="310" />
   <source>{n} in-season samples have no class in {mapping} and are left out.</source>
   <translation>{n} muestras de la temporada no tienen clase en {mapping} y se descartan.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="260" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({incomplete} without all 12 months left out).</source>
   <translation>{total} muestras en {files} archivo(s); {kept} en la temporada con los 12 meses ({incomplete} sin los 12 meses descartadas).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="258" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({outside} outside the season left out).</source>
   <translation>{total} muestras en {files} archivo(s); {kept} en la temporada con los 12 meses ({outside} fuera de la temporada descartadas).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="262" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({outside} outside the season, {incomplete} without all 12 months left out).</source>
   <translation>{total} muestras en {files} archivo(s); {kept} en la temporada con los 12 meses ({outside} fuera de la temporada y {incomplete} sin los 12 meses descartadas).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="257" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months.</source>
   <translation>{total} muestras en {files} archivo(s); {kept} en la temporada con los 12 meses.</translation>
  </message>
 </context>
 <context>
  <name>CropCalendar</name>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="137" />
   <source>Crop calendars inside the area differ by up to {spread} dekads, so the median {season} window may not fit all of it; consider a smaller area.</source>
   <translation>Los calendarios de cultivo dentro del área difieren hasta {spread} décadas, así que la ventana mediana {season} puede no ajustarse a toda el área; considere un área más pequeña.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="156" />
   <source>Loading the WorldCereal crop calendar</source>
   <translation>Cargando el calendario de cultivos de WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="126" />
   <source>Processing period {start} – {end}: the 12 months ending with the area's last crop-calendar season of {year} (the WorldCereal notebooks' rule).</source>
   <translation>Periodo de procesamiento {start} – {end}: los 12 meses que terminan con la última temporada de {year} del calendario de cultivos del área (la regla de los cuadernos de WorldCereal).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="81" />
   <source>The WorldCereal crop calendar could not be downloaded (are you offline?); point the setting {key} (Settings → Options → Advanced) or the panel's "Use a local calendar file…" to a copy of {name}, or enter the dates by hand.</source>
   <translation>No se pudo descargar el calendario de cultivos de WorldCereal (¿está sin conexión?); indique una copia de {name} en el ajuste {key} (Configuración → Opciones → Avanzado) o con «Usar un archivo de calendario local…» del panel, o introduzca las fechas a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="140" />
   <source>The calendar's {season} window is {months} months long, more than the 12 months a job can process.</source>
   <translation>La ventana {season} del calendario dura {months} meses, más que los 12 meses que puede procesar un trabajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="70" />
   <source>The crop calendar file {path} set in the WorldCereal settings does not exist.</source>
   <translation>El archivo de calendario de cultivos {path} indicado en los ajustes de WorldCereal no existe.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="134" />
   <source>The crop calendar has no data for this area; the nearest cell ({lat}, {lon}), {distance}° away, was used.</source>
   <translation>El calendario de cultivos no tiene datos para esta área; se usó la celda más cercana ({lat}, {lon}), a {distance}°.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="123" />
   <source>The crop calendar has no growing season for this area in {year}: the cropland map covers the calendar year {year} instead.</source>
   <translation>El calendario de cultivos no tiene ninguna temporada de cultivo para esta área en {year}: el mapa de tierras de cultivo cubre en su lugar el año natural {year}.</translation>
  </message>
 </context>
 <context>
  <name>CustomModels</name>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="78" />
   <source>Custom model {name}: classes {classes}; URL valid until {expiry}.</source>
   <translation>Modelo propio {name}: clases {classes}; URL válida hasta {expiry}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="79" />
   <source>Custom model {name}: classes {classes}; no known expiry of its URL.</source>
   <translation>Modelo propio {name}: clases {classes}; no se conoce la caducidad de su URL.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="232" />
   <source>Training could not start: {error}</source>
   <translation>No se pudo iniciar el entrenamiento: {error}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="137" />
   <source>Training stopped without a result (exit code {code}); see {log}.</source>
   <translation>El entrenamiento se detuvo sin resultado (código de salida {code}); vea {log}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="249" />
   <source>Training was cancelled.</source>
   <translation>Se canceló el entrenamiento.</translation>
  </message>
 </context>
 <context>
  <name>ExtractionController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="124" />
   <source>Cancelled; the remote jobs were stopped.</source>
   <translation>Cancelado; los trabajos remotos se detuvieron.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="62" />
   <source>WorldCereal: cancelling the extraction</source>
   <translation>WorldCereal: cancelando la extracción</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="81" />
   <source>WorldCereal: checking extraction job {item}</source>
   <translation>WorldCereal: comprobando el trabajo de extracción {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="82" />
   <source>WorldCereal: downloading extraction job {item}</source>
   <translation>WorldCereal: descargando el trabajo de extracción {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="83" />
   <source>WorldCereal: extraction job {item}</source>
   <translation>WorldCereal: trabajo de extracción {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="92" />
   <source>WorldCereal: merging extractions</source>
   <translation>WorldCereal: fusionando las extracciones</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="48" />
   <source>WorldCereal: preparing extraction jobs</source>
   <translation>WorldCereal: preparando los trabajos de extracción</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="80" />
   <source>WorldCereal: submitting extraction job {item}</source>
   <translation>WorldCereal: enviando el trabajo de extracción {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="151" />
   <source>{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far.</source>
   <translation>{0} de {1} trabajos terminados, {2} en curso, {3} fallidos; {4:.1f} créditos consumidos hasta ahora.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="149" />
   <source>{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far. A job is waiting for a free slot on the backend and starts as soon as one is free.</source>
   <translation>{0} de {1} trabajos terminados, {2} en curso, {3} fallidos; {4:.1f} créditos consumidos hasta ahora. Un trabajo espera un hueco libre en el servidor y empieza en cuanto haya uno.</translation>
  </message>
 </context>
 <context>
  <name>JobController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="154" />
   <source>{0} is already running as job {1}; following it instead of paying for it twice.</source>
   <translation>{0} ya está en curso (trabajo {1}); se sigue ese trabajo en lugar de pagarlo dos veces.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="150" />
   <source>{0} was already made (job {1}); its result is loaded again instead of paying for it twice.</source>
   <translation>{0} ya se generó (trabajo {1}); su resultado se vuelve a cargar en lugar de pagarlo dos veces.</translation>
  </message>
 </context>
 <context>
  <name>LabellingPanel</name>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="89" />
   <source>Choose a point layer first.</source>
   <translation>Elija primero una capa de puntos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="59" />
   <source>Choose the sample layer made by 'Design a sample' and press Start.</source>
   <translation>Elija la capa de muestra creada con «Diseñar una muestra» y pulse Iniciar.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="77" />
   <source>Label from reference fields</source>
   <translation>Etiquetar según las parcelas de referencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="39" />
   <source>Label the sample</source>
   <translation>Etiquetar la muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="159" />
   <source>Point {n} of {total} (stratum {stratum}, mapped as {mapped}). Label: {label}.</source>
   <translation>Punto {n} de {total} (estrato {stratum}, cartografiado como {mapped}). Etiqueta: {label}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="78" />
   <source>Points inside a field of your reference data get that field's class; label_source says so.</source>
   <translation>Los puntos situados en una parcela de sus datos de referencia reciben la clase de esa parcela; label_source lo indica.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="56" />
   <source>Sample</source>
   <translation>Muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="56" />
   <source>Scale</source>
   <translation>Escala</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="53" />
   <source>Start / resume</source>
   <translation>Iniciar / reanudar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="169" />
   <source>Start the walk and choose a reference polygon layer and its class field first.</source>
   <translation>Inicie primero el recorrido y elija una capa de polígonos de referencia y su campo de clase.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="185" />
   <source>This label comes from the reference layer '{layer}', not from your interpretation.</source>
   <translation>Esta etiqueta procede de la capa de referencia «{layer}», no de su interpretación.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="187" />
   <source>This label comes from {source}, not from your interpretation.</source>
   <translation>Esta etiqueta procede de la fuente «{source}», no de su interpretación.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="157" />
   <source>not labelled yet</source>
   <translation>aún sin etiquetar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="172" />
   <source>{n} points lie in fields of '{layer}' and were labelled from them (label_source says so).</source>
   <translation>{n} puntos están en parcelas de «{layer}» y se etiquetaron según ellas (label_source lo indica).</translation>
  </message>
 </context>
 <context>
  <name>LabellingSession</name>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="115" />
   <source>The label could not be saved in '{layer}'; is the file read-only?</source>
   <translation>No se pudo guardar la etiqueta en «{layer}»; ¿el archivo es de solo lectura?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="40" />
   <source>The sample layer has no field '{field}' to store the labels in.</source>
   <translation>La capa de muestra no tiene ningún campo «{field}» donde guardar las etiquetas.</translation>
  </message>
 </context>
 <context>
  <name>ReferencePanel</name>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>1. Reference data</source>
   <translation>1. Datos de referencia</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>2. Extraction jobs</source>
   <translation>2. Trabajos de extracción</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>3. Time series of a sample</source>
   <translation>3. Serie temporal de una muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="87" />
   <source>A reference data file (GeoParquet, Parquet, GeoPackage, ...); it is read directly, also where QGIS cannot open it as a layer.</source>
   <translation>Un archivo de datos de referencia (GeoParquet, Parquet, GeoPackage, ...); se lee directamente, incluso donde QGIS no puede abrirlo como capa.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Cancel</source>
   <translation>Cancelar</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Choose a layer and validate it.</source>
   <translation>Elija una capa y valídela.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="138" />
   <source>Choose a reference data layer or file first.</source>
   <translation>Elija primero una capa o un archivo de datos de referencia.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="217" />
   <source>Choose an output folder first.</source>
   <translation>Elija primero una carpeta de salida.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="251" />
   <source>Continuing the unfinished extraction from the last session…</source>
   <translation>Continuando la extracción sin terminar de la última sesión…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Extract</source>
   <translation>Extraer</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Harmonised reference data (RDM format): points or polygons</source>
   <translation>Datos de referencia armonizados (formato RDM): puntos o polígonos</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Layer</source>
   <translation>Capa</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Maximum samples per H3 level-3 cell and class</source>
   <translation>Número máximo de muestras por celda H3 de nivel 3 y por clase</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>No plan yet.</source>
   <translation>Aún no hay plan.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Output folder</source>
   <translation>Carpeta de salida</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Reference data</source>
   <translation>Datos de referencia</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Sample (or select a point of the result layer)</source>
   <translation>Muestra (o seleccione un punto de la capa de resultados)</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Samples</source>
   <translation>Muestras</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="229" />
   <source>Submitting {0} jobs to {1}…</source>
   <translation>Enviando {0} trabajos a {1}…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Validate and plan</source>
   <translation>Validar y planificar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="157" />
   <source>Validating reference data</source>
   <translation>Validando los datos de referencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="155" />
   <source>Validating…</source>
   <translation>Validando…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>all samples</source>
   <translation>todas las muestras</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>cap per H3 cell and class</source>
   <translation>límite por celda H3 y por clase</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>extract flag (RDM subset)</source>
   <translation>indicador extract (subconjunto RDM)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="271" />
   <source>{0} samples written to {1}.</source>
   <translation>{0} muestras escritas en {1}.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>…</source>
   <translation>…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="90" />
   <source>…or file</source>
   <translation>…o archivo</translation>
  </message>
 </context>
 <context>
  <name>ReferenceSource</name>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="105" />
   <source>Choose a reference data layer or a file (GeoParquet, Parquet, GeoPackage, ...).</source>
   <translation>Elija una capa de datos de referencia o un archivo (GeoParquet, Parquet, GeoPackage, ...).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="92" />
   <source>Choose a reference data layer or file first.</source>
   <translation>Elija primero una capa o un archivo de datos de referencia.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="38" />
   <source>Layer '{name}'</source>
   <translation>Capa «{name}»</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="98" />
   <source>The layer {name} cannot be read: its source {source} is not available.</source>
   <translation>No se puede leer la capa {name}: su origen {source} no está disponible.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="132" />
   <source>{n} samples in {jobs} jobs over {tiles} Sentinel-2 tiles; about {credits} credits.</source>
   <translation>{n} muestras en {jobs} trabajos sobre {tiles} teselas de Sentinel-2; unos {credits} créditos.</translation>
  </message>
 </context>
 <context>
  <name>TrainCroptypeAlgorithm</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="68" />
   <source>Add WorldCereal's public extractions around this area</source>
   <translation>Añadir las extracciones públicas de WorldCereal alrededor de esta área</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="156" />
   <source>Backbone: {name} (fingerprint {fingerprint}…).</source>
   <translation>Base: {name} (huella {fingerprint}…).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="81" />
   <source>Class mapping name</source>
   <translation>Nombre de la correspondencia de clases</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="79" />
   <source>Class mappings file (class_mappings.json; empty = EWOC codes as classes)</source>
   <translation>Archivo de correspondencias de clases (class_mappings.json; vacío = códigos EWOC como clases)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="100" />
   <source>Classes (output value order)</source>
   <translation>Clases (orden de los valores de salida)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="262" />
   <source>Classes (output values in this order) and samples: {counts}</source>
   <translation>Clases (valores de salida en este orden) y muestras: {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="77" />
   <source>Classes to map (comma-separated)</source>
   <translation>Clases que cartografiar (separadas por comas)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="97" />
   <source>Confusion matrix (PNG, normalised)</source>
   <translation>Matriz de confusión (PNG, normalizada)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="43" />
   <source>Custom models</source>
   <translation>Modelos propios</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="71" />
   <source>Distance around the area for public extractions (km)</source>
   <translation>Distancia alrededor del área para las extracciones públicas (km)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="253" />
   <source>Epoch {epoch}: loss {loss}, validation loss {val_loss}, validation macro F1 {val_f1}</source>
   <translation>Época {epoch}: pérdida {loss}, pérdida de validación {val_loss}, F1 macro de validación {val_f1}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="170" />
   <source>Give your own extractions, or an area to take WorldCereal's public extractions around.</source>
   <translation>Indique sus propias extracciones, o un área alrededor de la cual tomar las extracciones públicas de WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="85" />
   <source>Head</source>
   <translation>Cabeza</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="118" />
   <source>Keep samples whose quality scores are 0 (the library drops them)</source>
   <translation>Conservar las muestras cuyas puntuaciones de calidad son 0 (la biblioteca las descarta)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="99" />
   <source>Macro F1 (test split)</source>
   <translation>F1 macro (parte de prueba)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="83" />
   <source>Merges (old=new;old2=new2)</source>
   <translation>Fusiones (old=new;old2=new2)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="244" />
   <source>Merges must look like old=new;old2=new2.</source>
   <translation>Las fusiones deben tener la forma old=new;old2=new2 (antiguo=nuevo).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="96" />
   <source>Metrics (JSON)</source>
   <translation>Métricas (JSON)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="73" />
   <source>Model name (empty = season, months, classes and today's date)</source>
   <translation>Nombre del modelo (vacío = temporada, meses, clases y fecha de hoy)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="129" />
   <source>Model name: {name}.</source>
   <translation>Nombre del modelo: {name}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="95" />
   <source>Model zip</source>
   <translation>Zip del modelo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="111" />
   <source>Months each sample gets</source>
   <translation>Meses asignados a cada muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="94" />
   <source>Output folder</source>
   <translation>Carpeta de salida</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="98" />
   <source>Overall accuracy (test split)</source>
   <translation>Exactitud global (parte de prueba)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="133" />
   <source>Preparing the training environment (built once; the first time takes minutes)…</source>
   <translation>Preparando el entorno de entrenamiento (se construye una vez; la primera vez tarda unos minutos)…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="93" />
   <source>Presto encoder checkpoint (.pt)</source>
   <translation>Punto de control del codificador Presto (.pt)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="264" />
   <source>Public extractions: {n} dataset file(s) from the cache.</source>
   <translation>Extracciones públicas: {n} archivo(s) de conjunto de datos desde la caché.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="265" />
   <source>Public extractions: {n} dataset file(s).</source>
   <translation>Extracciones públicas: {n} archivo(s) de conjunto de datos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="115" />
   <source>Random seed (split, masking, jitter)</source>
   <translation>Semilla aleatoria (división, enmascarado, desplazamiento)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="102" />
   <source>Registered model id</source>
   <translation>Id del modelo registrado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="103" />
   <source>Registered model name</source>
   <translation>Nombre del modelo registrado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="76" />
   <source>Season end (YYYY-MM-DD)</source>
   <translation>Fin de la temporada (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="74" />
   <source>Season id</source>
   <translation>Id de la temporada</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="75" />
   <source>Season start (YYYY-MM-DD)</source>
   <translation>Inicio de la temporada (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="89" />
   <source>Seasonal model whose encoder is the backbone (URL or zip; empty = the default)</source>
   <translation>Modelo estacional cuyo codificador sirve de base (URL o zip; vacío = el predeterminado)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="86" />
   <source>Spatial split (0.25° bins)</source>
   <translation>División espacial (celdas de 0,25°)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="114" />
   <source>Temporal jitter on the training split (the library's augmentation)</source>
   <translation>Desplazamiento temporal aleatorio en la parte de entrenamiento (el aumento de datos de la biblioteca)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="268" />
   <source>Test split: overall accuracy {accuracy} (always guessing the largest class: {chance}), macro F1 {f1}.</source>
   <translation>Parte de prueba: exactitud global {accuracy} (respondiendo siempre la clase más grande: {chance}), F1 macro {f1}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="176" />
   <source>The season end is before its start.</source>
   <translation>El fin de la temporada es anterior a su inicio.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="40" />
   <source>Train a custom crop-type model (WorldCereal)</source>
   <translation>Entrenar un modelo propio de tipos de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="49" />
   <source>Trains a crop-type head on Presto embeddings of extractions (your own and/or WorldCereal's public ones within a distance of an area), for one season. Before anything is built, your files are checked: long or legacy wide format, monthly or dekadal rows (dekads are composited to months band by band as the official inputs graph does), samples in the season and what the library's quality filters remove; a bad input is refused in seconds. Each sample then gets 12 months by the chosen alignment: the processing period of the map job, the library's relaxed rule (centred on valid_time) or its strict rule; temporal jitter (training split only, seeded) and sensor masking as the library's notebook; stratified (or spatial) train/val/test split; linear or MLP head with early stopping. Unselected classes become 'other'. Outputs the model zip (head + config.json manifest recording alignment, jitter and seed), metrics on the held-out test split, confusion matrices and a plain-language verdict, and registers the model for the crop-type map algorithm. The first run installs the training environment (torch CPU, prometheo; about 2 GB, a few minutes). docs/TRAINING_INPUTS.md has every rule.</source>
   <translation>Entrena una cabeza de tipos de cultivo sobre las representaciones Presto de extracciones (las suyas y/o las públicas de WorldCereal a cierta distancia de un área), para una temporada. Antes de construir nada, se comprueban sus archivos: formato largo o antiguo formato ancho, filas mensuales o decadales (las décadas se componen en meses banda a banda como lo hace el grafo de entrada oficial), muestras en la temporada y lo que eliminan los filtros de calidad de la biblioteca; una entrada incorrecta se rechaza en segundos. Cada muestra recibe luego 12 meses según la alineación elegida: el periodo de procesamiento del trabajo de mapa, la regla flexible de la biblioteca (centrada en valid_time) o su regla estricta; desplazamiento temporal aleatorio (solo en la parte de entrenamiento, con semilla) y enmascarado de sensores como el cuaderno de la biblioteca; división entrenamiento/validación/prueba estratificada (o espacial); cabeza lineal o MLP con parada temprana. Las clases no seleccionadas pasan a ser 'other'. Produce el zip del modelo (cabeza + manifiesto config.json que registra la alineación, el desplazamiento y la semilla), las métricas sobre la parte de prueba reservada, las matrices de confusión y un veredicto en lenguaje claro, y registra el modelo para el algoritmo de mapa de tipos de cultivo. La primera ejecución instala el entorno de entrenamiento (torch CPU, prometheo; unos 2 GB, unos minutos). docs/TRAINING_INPUTS.md contiene todas las reglas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="84" />
   <source>Unselected classes become 'other'</source>
   <translation>Las clases no seleccionadas pasan a ser 'other'</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="101" />
   <source>Verdict</source>
   <translation>Veredicto</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="65" />
   <source>Your extractions (Parquet/GeoParquet, long format)</source>
   <translation>Sus extracciones (Parquet/GeoParquet, formato largo)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="92" />
   <source>…or a Presto encoder checkpoint (.pt) to use directly</source>
   <translation>…o un punto de control del codificador Presto (.pt) para usar directamente</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="70" />
   <source>…within this distance of the area (km)</source>
   <translation>…a esta distancia del área (km)</translation>
  </message>
 </context>
 <context>
  <name>TrainingResultDialog</name>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="225" />
   <source>Choose classes and train a crop-type model…</source>
   <translation>Elegir las clases y entrenar un modelo de tipos de cultivo…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Class</source>
   <translation>Clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="92" />
   <source>Confusion matrix (%)</source>
   <translation>Matriz de confusión (%)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="93" />
   <source>Confusion matrix (counts)</source>
   <translation>Matriz de confusión (recuentos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="79" />
   <source>Custom crop-type model – test results</source>
   <translation>Modelo propio de tipos de cultivo – resultados de la prueba</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>F1</source>
   <translation>F1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="96" />
   <source>Open folder</source>
   <translation>Abrir la carpeta</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="45" />
   <source>Overall accuracy {accuracy} (always guessing the largest class: {chance}) · macro F1 {f1} · {n} held-out test samples</source>
   <translation>Exactitud global {accuracy} (respondiendo siempre la clase más grande: {chance}) · F1 macro {f1} · {n} muestras de prueba reservadas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="91" />
   <source>Per class</source>
   <translation>Por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Precision</source>
   <translation>Precisión</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="123" />
   <source>Reading the plot…</source>
   <translation>Leyendo el gráfico…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="137" />
   <source>Reading {name}</source>
   <translation>Leyendo {name}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Recall</source>
   <translation>Exhaustividad</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Test samples</source>
   <translation>Muestras de prueba</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="41" />
   <source>The metrics file {path} cannot be read.</source>
   <translation>No se puede leer el archivo de métricas {path}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="227" />
   <source>Tick crop classes in the EWOC hierarchy with their sample counts, then train on them</source>
   <translation>Marcar clases de cultivo en la jerarquía EWOC con su número de muestras y entrenar con ellas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="202" />
   <source>Train a crop-type model on your own and public extractions, and see how good it is</source>
   <translation>Entrenar un modelo de tipos de cultivo con sus extracciones y las públicas, y ver lo bueno que es</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="200" />
   <source>Train a custom crop-type model…</source>
   <translation>Entrenar un modelo propio de tipos de cultivo…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Value</source>
   <translation>Valor</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="64" />
   <source>Warning: {text}</source>
   <translation>Advertencia: {text}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="126" />
   <source>{name} was not written by this training run.</source>
   <translation>Este entrenamiento no escribió {name}.</translation>
  </message>
 </context>
 <context>
  <name>TrainingWords</name>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="65" />
   <source>Alignment {code}: {counts}</source>
   <translation>Alineación {code}: {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="93" />
   <source>Every test sample was classified correctly.</source>
   <translation>Todas las muestras de prueba se clasificaron correctamente.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="98" />
   <source>Less than half of the test samples were found for: {classes}.</source>
   <translation>Se encontró menos de la mitad de las muestras de prueba para: {classes}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="22" />
   <source>Library relaxed: 12 months centred on each sample's valid_time (default)</source>
   <translation>Regla flexible de la biblioteca: 12 meses centrados en el valid_time de cada muestra (por defecto)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="24" />
   <source>Library strict: valid_time moved to month 6 of the processing period</source>
   <translation>Regla estricta de la biblioteca: valid_time situado en el mes 6 del periodo de procesamiento</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="82" />
   <source>Months per sample: alignment {code} (seed {seed}).</source>
   <translation>Meses por muestra: alineación {code} (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="73" />
   <source>Months per sample: processing-period alignment, with temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación con el periodo de procesamiento, con desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="78" />
   <source>Months per sample: processing-period alignment, without temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación con el periodo de procesamiento, sin desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="72" />
   <source>Months per sample: relaxed alignment, with temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación flexible, con desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="77" />
   <source>Months per sample: relaxed alignment, without temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación flexible, sin desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="74" />
   <source>Months per sample: strict alignment, with temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación estricta, con desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="79" />
   <source>Months per sample: strict alignment, without temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación estricta, sin desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="95" />
   <source>Most confusion: {n} test samples of {true} were mapped as {mapped}.</source>
   <translation>Mayor confusión: {n} muestras de prueba de {true} se cartografiaron como {mapped}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="23" />
   <source>Processing period of the map job (12 months ending with the season)</source>
   <translation>Periodo de procesamiento del trabajo de mapa (12 meses que terminan con la temporada)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="63" />
   <source>Processing-period alignment: {counts}</source>
   <translation>Alineación con el periodo de procesamiento: {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="62" />
   <source>Relaxed alignment: {counts}</source>
   <translation>Alineación flexible: {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="64" />
   <source>Strict alignment: {counts}</source>
   <translation>Alineación estricta: {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="50" />
   <source>none</source>
   <translation>ninguno</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="48" />
   <source>{n} for another reason ({code})</source>
   <translation>{n} por otro motivo ({code})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="36" />
   <source>{n} whose extraction does not cover the processing period in any year</source>
   <translation>{n} cuya extracción no cubre el periodo de procesamiento en ningún año</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="34" />
   <source>{n} with fewer than 12 months extracted</source>
   <translation>{n} con menos de 12 meses extraídos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="39" />
   <source>{n} with no season month in their 12-month window</source>
   <translation>{n} sin ningún mes de la temporada en su ventana de 12 meses</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="40" />
   <source>{n} with quality scores 0</source>
   <translation>{n} con puntuaciones de calidad 0</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="32" />
   <source>{n} with valid_time outside the season</source>
   <translation>{n} con el valid_time fuera de la temporada</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="33" />
   <source>{n} with valid_time outside their extracted months</source>
   <translation>{n} con el valid_time fuera de sus meses extraídos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="31" />
   <source>{n} without a readable valid_time</source>
   <translation>{n} sin un valid_time legible</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="38" />
   <source>{n} without all 12 months of the processing period extracted</source>
   <translation>{n} sin los 12 meses del periodo de procesamiento extraídos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="55" />
   <source>{read} rows read, {used} used; {kept} of {total} samples kept; dropped: {dropped}.</source>
   <translation>{read} filas leídas, {used} usadas; {kept} de {total} muestras conservadas; descartadas: {dropped}.</translation>
  </message>
 </context>
 <context>
  <name>WorldCereal</name>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="31" />
   <source>a coordinate reference system such as EPSG:4326</source>
   <translation>un sistema de referencia de coordenadas como EPSG:4326</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="72" />
   <source>a number</source>
   <translation>un número</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="66" />
   <source>a number from {low} to {high}</source>
   <translation>un número de {low} a {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="68" />
   <source>a number of at least {low}</source>
   <translation>un número de al menos {low}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="70" />
   <source>a number of at most {high}</source>
   <translation>un número de como máximo {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="72" />
   <source>a whole number</source>
   <translation>un número entero</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="66" />
   <source>a whole number from {low} to {high}</source>
   <translation>un número entero de {low} a {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="68" />
   <source>a whole number of at least {low}</source>
   <translation>un número entero de al menos {low}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="70" />
   <source>a whole number of at most {high}</source>
   <translation>un número entero de como máximo {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="28" />
   <source>an extent as xmin,xmax,ymin,ymax [EPSG:code] (e.g. 5.11,5.14,47.13,47.15 [EPSG:4326]) or a layer</source>
   <translation>una extensión de la forma xmin,xmax,ymin,ymax [EPSG:code] (p. ej. 5.11,5.14,47.13,47.15 [EPSG:4326]) o una capa</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="38" />
   <source>the QGIS log panel (tab {tab})</source>
   <translation>el panel de registro de QGIS (pestaña {tab})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="30" />
   <source>the path of an existing file</source>
   <translation>la ruta de un archivo existente</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="97" />
   <source>{label} must be one of {choices}; not '{value}'.</source>
   <translation>{label} debe ser uno de {choices}; no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="105" />
   <source>{label} must be true or false, not '{value}'.</source>
   <translation>{label} debe ser verdadero o falso, no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="109" />
   <source>{label} must be {expected}, not '{value}'.</source>
   <translation>{label} debe ser {expected}, no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="86" />
   <source>{label} must be {expected}, not {value}.</source>
   <translation>{label} debe ser {expected}, no {value}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="36" />
   <source>{what} failed:
{details}</source>
   <translation>{what} falló:
{details}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="39" />
   <source>{what} stopped because of a bug in the WorldCereal plugin ({error}); please report it with the details in {where}.</source>
   <translation>{what} se detuvo por un error del complemento WorldCereal ({error}); notifíquelo, por favor, con los detalles que están en {where}.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealAccount</name>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="157" />
   <source>Log in at {link}.</source>
   <translation>Inicie sesión en {link}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="155" />
   <source>Log in at {link}&lt;br&gt;and enter the code &lt;b&gt;{code}&lt;/b&gt;.</source>
   <translation>Inicie sesión en {link}&lt;br&gt;e introduzca el código &lt;b&gt;{code}&lt;/b&gt;.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="37" />
   <source>Logged in to {backend}.</source>
   <translation>Sesión iniciada en {backend}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="38" />
   <source>Not logged in to {backend}; log in before running a job.</source>
   <translation>Sin sesión en {backend}; inicie sesión antes de lanzar un trabajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="35" />
   <source>The local simulated backend needs no login and stores no password; its maps are simulated.</source>
   <translation>El servidor local simulado no requiere sesión ni guarda contraseñas; sus mapas son simulados.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="71" />
   <source>Waiting for the browser login…</source>
   <translation>Esperando el inicio de sesión en el navegador…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="30" />
   <source>WorldCereal login</source>
   <translation>Inicio de sesión de WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="105" />
   <source>WorldCereal: logging in to {backend}</source>
   <translation>WorldCereal: iniciando sesión en {backend}</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealArea</name>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="146" />
   <source>drawn polygon</source>
   <translation>polígono dibujado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="146" />
   <source>drawn rectangle</source>
   <translation>rectángulo dibujado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="142" />
   <source>map extent</source>
   <translation>extensión del mapa</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealAreas</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="85" />
   <source>Accuracy and area of {name}</source>
   <translation>Exactitud y superficies de {name}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="65" />
   <source>Accuracy per class</source>
   <translation>Exactitud por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="70" />
   <source>Allocation</source>
   <translation>Asignación</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="64" />
   <source>Anticipated user's accuracy (one value, or class=value, ...)</source>
   <translation>Exactitud del usuario prevista (un valor, o clase=valor, ...)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="58" />
   <source>Area (polygon layer, optional)</source>
   <translation>Área (capa de polígonos, opcional)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="192" />
   <source>Area of {cls} per unit (ha)</source>
   <translation>Superficie de {cls} por unidad (ha)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="64" />
   <source>Area statistics</source>
   <translation>Estadísticas de superficie</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="60" />
   <source>Area the sample was drawn in (polygon layer, optional)</source>
   <translation>Área en la que se extrajo la muestra (capa de polígonos, opcional)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/area_common.py" line="25" />
   <source>Areas and accuracy</source>
   <translation>Superficies y precisión</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="67" />
   <source>Areas per class</source>
   <translation>Superficies por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="34" />
   <source>Assess accuracy and estimate areas</source>
   <translation>Evaluar la exactitud y estimar superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="58" />
   <source>Assessment of the map (.json, optional)</source>
   <translation>Evaluación del mapa (.json, opcional)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="68" />
   <source>Chart</source>
   <translation>Gráfico</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="63" />
   <source>Class to map and chart</source>
   <translation>Clase a cartografiar y representar en el gráfico</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="92" />
   <source>Counting the pixels of each class of '{band}' by blocks…</source>
   <translation>Contando por bloques los píxeles de cada clase de «{band}»…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="38" />
   <source>Crop area statistics per unit</source>
   <translation>Estadísticas de superficie de cultivo por unidad</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="51" />
   <source>Crop-type season (empty: cropland)</source>
   <translation>Temporada de tipos de cultivo (vacío: tierras de cultivo)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="56" />
   <source>Crop-type season of the map (empty: cropland)</source>
   <translation>Temporada de tipos de cultivo del mapa (vacío: tierras de cultivo)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="39" />
   <source>Design a sample for accuracy and area</source>
   <translation>Diseñar una muestra para la exactitud y las superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="42" />
   <source>Draws a stratified random sample from a WorldCereal map (a single result or a tiled run's mosaic): strata are the map classes of the chosen band (cropland / other, or the crop types of one season, optionally merged). The sample size comes from the target standard error of overall accuracy and the anticipated user's accuracies (Olofsson et al. 2014, eq. 13) unless you give one. The same seed gives the same points. Output: points with stratum, map class, inclusion probability, weight and an empty 'reference' field to label, the class of every other classification band of the file under each point (map_&lt;season&gt;, to assess those maps with the same sample), and the strata table (pixels, hectares) the sample was drawn from.</source>
   <translation>Extrae una muestra aleatoria estratificada de un mapa WorldCereal (un resultado único o el mosaico de un procesamiento por teselas): los estratos son las clases de la banda elegida (tierras de cultivo / otros, o los tipos de cultivo de una temporada, opcionalmente agrupados). El tamaño de la muestra se deduce del error estándar objetivo de la exactitud global y de las exactitudes del usuario previstas (Olofsson et al. 2014, ec. 13), salvo que usted lo indique. La misma semilla da los mismos puntos. Salida: puntos con estrato, clase del mapa, probabilidad de inclusión, peso y un campo 'reference' vacío para etiquetar, la clase de cada otra banda de clasificación del archivo bajo cada punto (map_&lt;season&gt;, para evaluar esos mapas con la misma muestra), y la tabla de estratos (píxeles, hectáreas) de la que se extrajo la muestra.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="41" />
   <source>For each polygon of a layer (districts, farms): the mapped area of each class, counted pixel by pixel in the map's own UTM zone (mosaics across zones included), and, with an assessment of the same map (the .json written next to assess_map's report), the error-adjusted area with a 95 % interval. That estimate applies the whole map's error rates to the unit; the 'support' field says how many sample points fall inside the unit and whether that is enough to trust it. Units should not overlap: a pixel is counted for one unit only. Outputs: a table joinable on unit_id, the units coloured by the chosen class, and a chart.</source>
   <translation>Para cada polígono de una capa (distritos, explotaciones): la superficie cartografiada de cada clase, contada píxel a píxel en la zona UTM propia del mapa (incluidos los mosaicos que abarcan varias zonas), y, con una evaluación del mismo mapa (el .json escrito junto al informe de assess_map), la superficie ajustada por errores con un intervalo del 95 %. Esa estimación aplica a la unidad las tasas de error de todo el mapa; el campo 'support' indica cuántos puntos de la muestra caen dentro de la unidad y si bastan para confiar en ella. Las unidades no deben solaparse: cada píxel se cuenta para una sola unidad. Salidas: una tabla que se puede unir por unit_id, las unidades coloreadas según la clase elegida, y un gráfico.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="37" />
   <source>From a labelled stratified sample: the error matrix in sample counts and in estimated area proportions, overall, user's and producer's accuracy with 95 % confidence intervals, and the error-adjusted area of each class with its 95 % interval next to the mapped (pixel-counted) area. Stratum sizes come from a STRATA table (fields stratum, pixels) or are counted on the MAP. Points labelled 'unsure', 'skip' or left empty are left out and counted in the report. Assumptions: a probability sample, and reference labels of better quality than the map.</source>
   <translation>A partir de una muestra estratificada etiquetada: la matriz de error en recuentos de la muestra y en proporciones de superficie estimadas, las exactitudes global, del usuario y del productor con intervalos de confianza del 95 %, y la superficie ajustada por errores de cada clase con su intervalo del 95 %, junto a la superficie cartografiada (contada en píxeles). El tamaño de los estratos procede de una tabla STRATA (campos stratum, pixels) o se cuenta sobre el mapa MAP. Los puntos etiquetados 'unsure', 'skip' o sin etiqueta se excluyen y se cuentan en el informe. Supuestos: una muestra probabilística, y etiquetas de referencia de mejor calidad que el mapa.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="118" />
   <source>Give the stratum sizes: a STRATA table or the MAP to count them from.</source>
   <translation>Indique el tamaño de los estratos: una tabla STRATA o el mapa MAP sobre el que contarlos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="46" />
   <source>Labelled sample points</source>
   <translation>Puntos de muestra etiquetados</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="61" />
   <source>Labelled sample points (to count them per unit, optional)</source>
   <translation>Puntos de muestra etiquetados (para contarlos por unidad, opcional)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="48" />
   <source>Map class field</source>
   <translation>Campo de la clase del mapa</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="53" />
   <source>Merge classes</source>
   <translation>Agrupar clases</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="56" />
   <source>Merge classes (e.g. barley=cereals, wheat=cereals)</source>
   <translation>Agrupar clases (p. ej. barley=cereals, wheat=cereals)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="58" />
   <source>Merge classes of the map</source>
   <translation>Agrupar clases del mapa</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="73" />
   <source>Minimum points per stratum (compromise allocation)</source>
   <translation>Número mínimo de puntos por estrato (asignación de compromiso)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="84" />
   <source>No assessment given: only mapped areas (pixel counts) are reported.</source>
   <translation>No se ha indicado ninguna evaluación: solo se informa de las superficies cartografiadas (recuento de píxeles).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="81" />
   <source>Number of sample points</source>
   <translation>Número de puntos de la muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="70" />
   <source>Overall accuracy</source>
   <translation>Exactitud global</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="92" />
   <source>Overall accuracy {oa:.3f} ± {ci:.3f} ({method}).</source>
   <translation>Exactitud global {oa:.3f} ± {ci:.3f} ({method}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="71" />
   <source>Overall accuracy, 95 % half-width</source>
   <translation>Exactitud global, semiamplitud al 95 %</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="63" />
   <source>Pixel area in hectares (0: from the map; 0.01 for 10 m)</source>
   <translation>Superficie de un píxel en hectáreas (0: según el mapa; 0,01 para 10 m)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="75" />
   <source>Random seed</source>
   <translation>Semilla aleatoria</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="49" />
   <source>Reference label field</source>
   <translation>Campo de la etiqueta de referencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="69" />
   <source>Report</source>
   <translation>Informe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="77" />
   <source>Sample points</source>
   <translation>Puntos de la muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="66" />
   <source>Sample size (0: from the target standard error)</source>
   <translation>Tamaño de la muestra (0: según el error estándar objetivo)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="103" />
   <source>Sample size from the target standard error (Olofsson 2014, eq. 13): {n}.</source>
   <translation>Tamaño de la muestra según el error estándar objetivo (Olofsson 2014, ec. 13): {n}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="79" />
   <source>Strata (pixels per stratum)</source>
   <translation>Estratos (píxeles por estrato)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="52" />
   <source>Strata table (fields stratum, pixels)</source>
   <translation>Tabla de estratos (campos stratum, pixels)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="47" />
   <source>Stratum field</source>
   <translation>Campo del estrato</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="116" />
   <source>Stratum {stratum}: {pixels} pixels ({area_ha:.1f} ha), {points} points.</source>
   <translation>Estrato {stratum}: {pixels} píxeles ({area_ha:.1f} ha), {points} puntos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="61" />
   <source>Target standard error of overall accuracy</source>
   <translation>Error estándar objetivo de la exactitud global</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="173" />
   <source>The anticipated user's accuracies must be numbers between 0 and 1.</source>
   <translation>Las exactitudes del usuario previstas deben ser números entre 0 y 1.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="150" />
   <source>The assessment file '{name}' cannot be read.</source>
   <translation>No se puede leer el archivo de evaluación «{name}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="96" />
   <source>The map has no classified pixel inside the area.</source>
   <translation>El mapa no tiene ningún píxel clasificado dentro del área.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="104" />
   <source>The units layer has no polygon.</source>
   <translation>La capa de unidades no contiene ningún polígono.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="56" />
   <source>Unit id field (empty: feature id)</source>
   <translation>Campo identificador de la unidad (vacío: identificador del objeto)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="55" />
   <source>Units (polygon layer)</source>
   <translation>Unidades (capa de polígonos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="66" />
   <source>Units with the class's area</source>
   <translation>Unidades con la superficie de la clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="50" />
   <source>WorldCereal map (result or mosaic)</source>
   <translation>Mapa WorldCereal (resultado o mosaico)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="68" />
   <source>compromise (recommended)</source>
   <translation>compromiso (recomendado)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="69" />
   <source>equal for every class</source>
   <translation>igual para cada clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="182" />
   <source>map-wide error rates applied; only {n} sample points inside, too few to check them here</source>
   <translation>tasas de error de todo el mapa aplicadas; solo {n} puntos de muestra dentro, demasiado pocos para comprobarlas aquí</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="180" />
   <source>map-wide error rates applied; sample points inside the unit not counted</source>
   <translation>tasas de error de todo el mapa aplicadas; puntos de muestra dentro de la unidad no contados</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="184" />
   <source>map-wide error rates applied; {n} sample points inside</source>
   <translation>tasas de error de todo el mapa aplicadas; {n} puntos de muestra dentro</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="178" />
   <source>mapped area only (no assessment given)</source>
   <translation>solo superficie cartografiada (no se ha indicado evaluación)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="68" />
   <source>proportional to the class areas</source>
   <translation>proporcional a la superficie de las clases</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="85" />
   <source>the map</source>
   <translation>el mapa</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="54" />
   <source>…or the map to count them from</source>
   <translation>…o el mapa sobre el que contarlos</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealBackendChoice</name>
  <message>
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="30" />
   <source>The local simulated backend is a test server for developers and nothing answers at {url}; start it from the plugin's source checkout with `make backend`.</source>
   <translation>El servidor local simulado es un servidor de pruebas para desarrolladores y nada responde en {url}; inícielo desde el código fuente del complemento con `make backend`.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="89" />
   <source>WorldCereal: looking for the local simulated backend</source>
   <translation>WorldCereal: buscando el servidor local simulado</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealBackends</name>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="34" />
   <source>CDSE (Copernicus Data Space Ecosystem)</source>
   <translation>CDSE (Copernicus Data Space Ecosystem)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="35" />
   <source>CDSE openEO federation</source>
   <translation>Federación openEO del CDSE</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="37" />
   <source>Local simulated backend (developers)</source>
   <translation>Servidor local simulado (desarrolladores)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="38" />
   <source>Other openEO backend (URL)</source>
   <translation>Otro servidor openEO (URL)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="36" />
   <source>Terrascope (VITO)</source>
   <translation>Terrascope (VITO)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealDock</name>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="287" />
   <source>Larger than the {max} km² of one job: it runs as about {tiles} tiles of {km} km, mosaicked.</source>
   <translation>Mayor que los {max} km² de un trabajo: se procesa en unas {tiles} teselas de {km} km y se une en un mosaico.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="262" />
   <source>Log in to {backend} to run jobs.</source>
   <translation>Inicie sesión en {backend} para lanzar trabajos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="235" />
   <source>Map cropland and crop types with ESA WorldCereal on openEO.</source>
   <translation>Cartografíe tierras de cultivo y tipos de cultivo con ESA WorldCereal en openEO.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="276" />
   <source>No area of interest yet.</source>
   <translation>Aún no hay área de interés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="268" />
   <source>Planning the tiles…</source>
   <translation>Planificando las teselas…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="266" />
   <source>Reading the crop calendar for this area…</source>
   <translation>Leyendo el calendario de cultivos para esta zona…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="344" />
   <source>Tiled run not started ({summary}).</source>
   <translation>Procesamiento por teselas no iniciado ({summary}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="349" />
   <source>Tiled run started: {summary}; results in {folder}.</source>
   <translation>Procesamiento por teselas iniciado: {summary}; resultados en {folder}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="264" />
   <source>Waiting for the automatic Sentinel-1 orbit choice…</source>
   <translation>Esperando la elección automática de la órbita Sentinel-1…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="356" />
   <source>WorldCereal: start a tiled run?</source>
   <translation>WorldCereal: ¿iniciar un procesamiento por teselas?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="283" />
   <source>{area}: {km2} km² · about {credits} credits · {short}–{long} min</source>
   <translation>{area}: {km2} km² · unos {credits} créditos · {short}–{long} min</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="357" />
   <source>{summary}.

Start {jobs} jobs on {backend}?</source>
   <translation>{summary}.

¿Iniciar {jobs} trabajos en {backend}?</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealDockBase</name>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>ASCENDING</source>
   <translation>Ascendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Account</source>
   <translation>Cuenta</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Advanced options</source>
   <translation>Opciones avanzadas</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Area of interest</source>
   <translation>Área de interés</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Automatic</source>
   <translation>Automática</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Automatic: chosen from the Sentinel-1 coverage of the area; or fix ASCENDING / DESCENDING</source>
   <translation>Automática: elegida según la cobertura Sentinel-1 del área; o fije ascendente / descendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Backend</source>
   <translation>Servidor</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Cancel</source>
   <translation>Cancelar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Cancel login</source>
   <translation>Cancelar inicio de sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Cancel the selected job on the backend (stops using credits)</source>
   <translation>Cancelar el trabajo seleccionado en el servidor (deja de consumir créditos)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Crop type (custom model)</source>
   <translation>Tipo de cultivo (modelo propio)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Crop type (default model)</source>
   <translation>Tipo de cultivo (modelo por defecto)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Crop-type post-processing</source>
   <translation>Posprocesado de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Cropland</source>
   <translation>Tierras de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Cropland map, or crop-type map with the default WorldCereal model or your own model</source>
   <translation>Mapa de tierras de cultivo, o mapa de tipos de cultivo con el modelo WorldCereal por defecto o con su propio modelo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Cropland post-processing</source>
   <translation>Posprocesado de tierras de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>DESCENDING</source>
   <translation>Descendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw a polygon</source>
   <translation>Dibujar un polígono</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw a rectangle</source>
   <translation>Dibujar un rectángulo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw on map</source>
   <translation>Dibujar en el mapa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw the area on the map: drag a rectangle, or click polygon vertices and right-click to finish (Esc cancels)</source>
   <translation>Dibuje el área en el mapa: arrastre un rectángulo, o haga clic en los vértices del polígono y termine con clic derecho (Esc cancela)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Fill the season windows from WorldCereal's crop calendar for this area</source>
   <translation>Rellenar las temporadas con el calendario de cultivos de WorldCereal para esta área</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>First month of the season</source>
   <translation>Primer mes de la temporada</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Folder</source>
   <translation>Carpeta</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Forget the stored login for this backend (removed from QGIS's authentication database)</source>
   <translation>Olvidar la sesión guardada para este servidor (se borra de la base de autenticación de QGIS)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>How the crop-type map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Cómo se limpia el mapa de tipos de cultivo: voto mayoritario en una ventana, o suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>How the cropland map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Cómo se limpia el mapa de tierras de cultivo: voto mayoritario en una ventana, o suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Jobs</source>
   <translation>Trabajos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Last month of the season</source>
   <translation>Último mes de la temporada</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Load</source>
   <translation>Cargar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Load (or reload) the results as styled layers</source>
   <translation>Cargar (o recargar) los resultados como capas con estilo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Log</source>
   <translation>Registro</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log in to the selected openEO backend (browser login for CDSE, user name and password for the local backend)</source>
   <translation>Iniciar sesión en el servidor openEO elegido (en el navegador para el CDSE, usuario y contraseña para el servidor local)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log in…</source>
   <translation>Iniciar sesión…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log out</source>
   <translation>Cerrar sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>MMM yyyy</source>
   <translation>MMM yyyy</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Majority vote</source>
   <translation>Voto mayoritario</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Map canvas extent</source>
   <translation>Extensión del mapa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Mask non-cropland in the crop-type map</source>
   <translation>Enmascarar lo que no es cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>No area of interest yet.</source>
   <translation>Aún no hay área de interés.</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Not logged in</source>
   <translation>Sin sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Open browser</source>
   <translation>Abrir el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Open the folder with the downloaded results</source>
   <translation>Abrir la carpeta con los resultados descargados</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Open the login page again in your web browser</source>
   <translation>Volver a abrir la página de inicio de sesión en el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Pixels that are not cropland get value 254 in the crop-type map</source>
   <translation>Los píxeles que no son tierra de cultivo toman el valor 254 en el mapa de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Polygon layer</source>
   <translation>Capa de polígonos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Product</source>
   <translation>Producto</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Remove</source>
   <translation>Quitar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Remove the job from this list (downloaded files stay on disk)</source>
   <translation>Quitar el trabajo de la lista (los archivos descargados siguen en el disco)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Retry</source>
   <translation>Reintentar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_form.ui" line="0" />
   <source>Run</source>
   <translation>Ejecutar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Run the selected failed or cancelled job again with the same settings</source>
   <translation>Volver a ejecutar el trabajo fallido o cancelado con los mismos ajustes</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season 1</source>
   <translation>Temporada 1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season 2</source>
   <translation>Temporada 2</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season id: tc-s1, tc-s2 or your own name (letters, digits, _ and -)</source>
   <translation>Identificador de temporada: tc-s1, tc-s2 o su propio nombre (letras, cifras, _ y -)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Selected features only</source>
   <translation>Solo los objetos seleccionados</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Sentinel-1 orbit</source>
   <translation>Órbita Sentinel-1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Show the backend log of the selected job</source>
   <translation>Mostrar el registro del servidor para el trabajo seleccionado</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Smooth probabilities</source>
   <translation>Suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_form.ui" line="0" />
   <source>Start the WorldCereal job on the backend (runs in the background; credits are used)</source>
   <translation>Iniciar el trabajo WorldCereal en el servidor (en segundo plano; consume créditos)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Stop waiting for the browser login</source>
   <translation>Dejar de esperar el inicio de sesión en el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Suggest from crop calendar</source>
   <translation>Proponer según el calendario de cultivos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>The calendar year to map (January to December)</source>
   <translation>El año a cartografiar (de enero a diciembre)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>The openEO backend that runs the jobs (CDSE by default)</source>
   <translation>El servidor openEO que ejecuta los trabajos (CDSE por defecto)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>The polygon layer whose features form the area of interest</source>
   <translation>La capa de polígonos cuyos objetos forman el área de interés</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>The seasons on the processing period's 12 months; drag a bar or its ends to adjust it</source>
   <translation>Las temporadas en los 12 meses del periodo de procesamiento; arrastre una barra o sus extremos para ajustarla</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Use only the selected features of the layer</source>
   <translation>Usar solo los objetos seleccionados de la capa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Use season 1 (a job can map at most two seasons)</source>
   <translation>Usar la temporada 1 (un trabajo cartografía como máximo dos temporadas)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Use season 2 (a job can map at most two seasons)</source>
   <translation>Usar la temporada 2 (un trabajo cartografía como máximo dos temporadas)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>When</source>
   <translation>Cuándo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Where to map: the current map view, a rectangle or polygon you draw, or the polygons of a layer</source>
   <translation>Dónde cartografiar: la vista actual del mapa, un rectángulo o polígono dibujado, o los polígonos de una capa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Window size of the crop-type majority vote (odd, 1–25 pixels)</source>
   <translation>Tamaño de ventana del voto mayoritario de tipos de cultivo (impar, 1–25 píxeles)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Window size of the cropland majority vote (odd, 1–25 pixels)</source>
   <translation>Tamaño de ventana del voto mayoritario de tierras de cultivo (impar, 1–25 píxeles)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>WorldCereal</source>
   <translation>WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Year</source>
   <translation>Año</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Your WorldCereal jobs; right-click a job for actions</source>
   <translation>Sus trabajos WorldCereal; clic derecho en un trabajo para ver las acciones</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>https:// URL of your crop-type head model (.zip), e.g. from the WorldCereal training notebook</source>
   <translation>URL https:// de su modelo de tipos de cultivo (.zip), p. ej. del cuaderno de entrenamiento de WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>https://…</source>
   <translation>https://…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>https://…/my_croptype_head.zip</source>
   <translation>https://…/mi_modelo_cultivos.zip</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>openEO URL of the local or custom backend</source>
   <translation>URL openEO del servidor local o personalizado</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealExample</name>
  <message>
   <location filename="worldcereal_qgis/adapters/example.py" line="30" />
   <source>Example result: WorldCereal crop types near Liège, 2020–2021 (not your area)</source>
   <translation>Resultado de ejemplo: tipos de cultivo WorldCereal cerca de Lieja, 2020–2021 (no es su área)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealFirstRun</name>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="26" />
   <source>1. Map cropland and crop types for your area: this panel.</source>
   <translation>1. Cartografiar tierras de cultivo y tipos de cultivo de su área: este panel.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="27" />
   <source>2. Check your field observations and extract their satellite time series: Plugins → WorldCereal → Reference data and extractions.</source>
   <translation>2. Revisar sus observaciones de campo y extraer sus series temporales de satélite: Complementos → WorldCereal → Datos de referencia y extracciones.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="29" />
   <source>3. Train your own crop-type model: Plugins → WorldCereal → Train a custom crop-type model.</source>
   <translation>3. Entrenar su propio modelo de tipos de cultivo: Complementos → WorldCereal → Entrenar un modelo propio.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="25" />
   <source>&lt;b&gt;Welcome to WorldCereal.&lt;/b&gt; Three things you can do:</source>
   <translation>&lt;b&gt;Bienvenido a WorldCereal.&lt;/b&gt; Tres cosas que puede hacer:</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="64" />
   <source>Got it</source>
   <translation>Entendido</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="66" />
   <source>Hide this introduction for good</source>
   <translation>No volver a mostrar esta introducción</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="41" />
   <source>Load a real WorldCereal crop-type map (Belgium, 2021) shipped with the plugin, with its legend; no account or network needed</source>
   <translation>Cargar un mapa real de tipos de cultivo de WorldCereal (Bélgica, 2021) incluido en el complemento, con su leyenda; sin cuenta ni red</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="30" />
   <source>Maps are computed on the Copernicus Data Space Ecosystem with a free account (&lt;a href="{url}"&gt;register at CDSE&lt;/a&gt;); each map uses credits from your free monthly allowance.</source>
   <translation>Los mapas se calculan en el Copernicus Data Space Ecosystem con una cuenta gratuita (&lt;a href="{url}"&gt;registro en el CDSE&lt;/a&gt;); cada mapa consume créditos de su cupo mensual gratuito.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="33" />
   <source>No account yet? Open an example result: a real WorldCereal crop-type map, offline.</source>
   <translation>¿Aún sin cuenta? Abra un resultado de ejemplo: un mapa real de tipos de cultivo de WorldCereal, sin conexión.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="39" />
   <source>Open an example result</source>
   <translation>Abrir un resultado de ejemplo</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealForm</name>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="181" />
   <source>Adjusted by hand; the dashed outlines are the crop calendar's windows (Suggest restores them).</source>
   <translation>Ajustado a mano; los contornos discontinuos son las temporadas del calendario de cultivos (Proponer las restablece).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="244" />
   <source>Checking Sentinel-1 coverage of the area…</source>
   <translation>Comprobando la cobertura Sentinel-1 del área…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="308" />
   <source>Choose an area of interest first: the seasons depend on where it is.</source>
   <translation>Elija primero un área de interés: las temporadas dependen del lugar.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="233" />
   <source>Choose an area of interest: the map extent, a drawing or a polygon layer.</source>
   <translation>Elija un área de interés: la extensión del mapa, un dibujo o una capa de polígonos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="241" />
   <source>Chosen automatically once the area and period are set.</source>
   <translation>Se elige automáticamente una vez fijados el área y el periodo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="351" />
   <source>Crop calendar (*.geoparquet *.parquet)</source>
   <translation>Calendario de cultivos (*.geoparquet *.parquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="243" />
   <source>Enter the URL of your custom crop-type model (.zip).</source>
   <translation>Introduzca la URL de su modelo propio de tipos de cultivo (.zip).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="237" />
   <source>Fixed orbit: only acquisitions of this direction are used.</source>
   <translation>Órbita fija: solo se usan las adquisiciones de esta dirección.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="382" />
   <source>From the crop calendar:</source>
   <translation>Según el calendario de cultivos:</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="263" />
   <source>Processing period: enable at least one season.</source>
   <translation>Periodo de procesamiento: active al menos una temporada.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="265" />
   <source>Processing period: {start} … {end} ({months} months)</source>
   <translation>Periodo de procesamiento: {start} … {end} ({months} meses)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="313" />
   <source>Reading the crop calendar…</source>
   <translation>Leyendo el calendario de cultivos…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="373" />
   <source>The crop calendar has no season for this area; enter the months by hand.</source>
   <translation>El calendario de cultivos no tiene temporadas para esta área; introduzca los meses a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="330" />
   <source>Use a local calendar file…</source>
   <translation>Usar un archivo de calendario local…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="350" />
   <source>WorldCereal crop calendar</source>
   <translation>Calendario de cultivos de WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="210" />
   <source>the 12 months ending with this area's last crop-calendar season of {year}</source>
   <translation>los 12 meses que terminan con la última temporada de {year} del calendario de cultivos de esta área</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="43" />
   <source>{error} The season windows were left as they are.</source>
   <translation>{error} Las temporadas se dejaron como estaban.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="250" />
   <source>{orbit}: the Sentinel-1 catalogue could not be reached, so the library's default is used.</source>
   <translation>{orbit}: no se pudo consultar el catálogo Sentinel-1, así que se usa el valor por defecto de la biblioteca.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealInstall</name>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="89" />
   <source>Install</source>
   <translation>Instalar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="128" />
   <source>Installing the Python packages failed; see the WorldCereal log.</source>
   <translation>La instalación de los paquetes de Python falló; vea el registro de WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="114" />
   <source>Installing the Python packages for WorldCereal… {percent} %</source>
   <translation>Instalando los paquetes de Python para WorldCereal… {percent} %</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="101" />
   <source>Installing…</source>
   <translation>Instalando…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="124" />
   <source>Python packages installed; WorldCereal is ready.</source>
   <translation>Paquetes de Python instalados; WorldCereal está listo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="63" />
   <source>WorldCereal needs Python packages this QGIS lacks: {names}. Install adds them to the plugin's own folder, no admin rights needed.</source>
   <translation>WorldCereal necesita paquetes de Python que faltan en este QGIS: {names}. Instalar los añade a la carpeta propia del complemento, sin permisos de administrador.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealJobs</name>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="222" />
   <source>Backend: {url}</source>
   <translation>Servidor: {url}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Cancel job</source>
   <translation>Cancelar el trabajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Credits</source>
   <translation>Créditos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="228" />
   <source>Folder: {folder}</source>
   <translation>Carpeta: {folder}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Job</source>
   <translation>Trabajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="224" />
   <source>Job id: {id}</source>
   <translation>Identificador del trabajo: {id}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Load / reload results</source>
   <translation>Cargar / recargar resultados</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Open output folder</source>
   <translation>Abrir la carpeta de salida</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Progress</source>
   <translation>Progreso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Remove from list</source>
   <translation>Quitar de la lista</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Retry</source>
   <translation>Reintentar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Show log</source>
   <translation>Mostrar el registro</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Status</source>
   <translation>Estado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="200" />
   <source>WorldCereal: measuring the areas of the jobs</source>
   <translation>WorldCereal: midiendo la superficie de los trabajos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>cancelled</source>
   <translation>cancelado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>created</source>
   <translation>creado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="49" />
   <source>download failed</source>
   <translation>descarga fallida</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>downloading</source>
   <translation>descargando</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>failed</source>
   <translation>fallido</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>finished</source>
   <translation>terminado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>loaded</source>
   <translation>cargado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>queued</source>
   <translation>en cola</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>running</source>
   <translation>en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>submitting</source>
   <translation>enviando</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLegend</name>
  <message>
   <location filename="worldcereal_qgis/adapters/legend.py" line="27" />
   <source>+ {n} other classes, not in this map</source>
   <translation>+ {n} clases más, ausentes en este mapa</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLog</name>
  <message>
   <location filename="worldcereal_qgis/gui/log_dialog.py" line="26" />
   <source>Log – {job}</source>
   <translation>Registro – {job}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/log_dialog.py" line="20" />
   <source>The backend has no log entries for this job.</source>
   <translation>El servidor no tiene entradas de registro para este trabajo.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLogin</name>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="16" />
   <source>Log in to {backend}</source>
   <translation>Iniciar sesión en {backend}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="27" />
   <source>Password</source>
   <translation>Contraseña</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="21" />
   <source>Stored encrypted in QGIS's authentication database, nowhere else</source>
   <translation>Se guarda cifrada en la base de autenticación de QGIS, en ningún otro sitio</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="26" />
   <source>User name</source>
   <translation>Usuario</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="18" />
   <source>Your user name on this backend</source>
   <translation>Su nombre de usuario en este servidor</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealOrbit</name>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="23" />
   <source>Both orbits cover the area, but only {orbit} has no gap longer than {gap} days between acquisitions ({days} days vs {other_days} days).</source>
   <translation>Las dos órbitas cubren el área, pero solo {orbit} no tiene un intervalo de más de {gap} días entre adquisiciones ({days} días frente a {other_days} días).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="25" />
   <source>Both orbits cover the area; {orbit} has the larger total footprint over it ({cover}x vs {other_cover}x the area).</source>
   <translation>Las dos órbitas cubren el área; {orbit} tiene la mayor huella total sobre ella ({cover}x frente a {other_cover}x el área).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="20" />
   <source>No Sentinel-1 VV+VH acquisitions of either orbit fully cover the area in this period, so {orbit} is used as in the WorldCereal library.</source>
   <translation>Ninguna adquisición Sentinel-1 VV+VH de ninguna de las dos órbitas cubre por completo el área en este periodo, así que se usa {orbit}, como en la biblioteca de WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="27" />
   <source>The Sentinel-1 orbit could not be checked ({error}), so {orbit} (the WorldCereal library's default) is used.</source>
   <translation>No se pudo comprobar la órbita Sentinel-1 ({error}), así que se usa {orbit} (el valor por defecto de la biblioteca de WorldCereal).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="22" />
   <source>{orbit} is the only orbit whose acquisitions fully cover the area.</source>
   <translation>{orbit} es la única órbita cuyas adquisiciones cubren por completo el área.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealPlugin</name>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="91" />
   <source>Load a real WorldCereal crop-type map shipped with the plugin (offline, no account needed)</source>
   <translation>Cargar un mapa real de tipos de cultivo de WorldCereal incluido en el complemento (sin conexión, sin cuenta)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="89" />
   <source>Open an example result</source>
   <translation>Abrir un resultado de ejemplo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="71" />
   <source>Open the WorldCereal panel: cropland and crop-type maps with openEO</source>
   <translation>Abrir el panel WorldCereal: mapas de tierras de cultivo y de tipos de cultivo con openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="75" />
   <source>Reference data and extractions…</source>
   <translation>Datos de referencia y extracciones…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="77" />
   <source>Validate your reference data and extract satellite time series for it</source>
   <translation>Validar sus datos de referencia y extraer sus series temporales de satélite</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="144" />
   <source>WorldCereal: opening the panel</source>
   <translation>WorldCereal: abriendo el panel</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealProcessing</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="301" />
   <source>  tile {tile}: {count} samples</source>
   <translation>  tesela {tile}: {count} muestras</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="40" />
   <source>&lt;b&gt;Account.&lt;/b&gt; Jobs run on openEO with your Copernicus Data Space Ecosystem account (free: &lt;a href="{url}"&gt;register at CDSE&lt;/a&gt;). Log in once in the WorldCereal panel (toolbar button or Plugins → WorldCereal); Processing, the Model Builder and qgis_process use that login.</source>
   <translation>&lt;b&gt;Cuenta.&lt;/b&gt; Los trabajos se ejecutan en openEO con su cuenta del Copernicus Data Space Ecosystem (gratuita: &lt;a href="{url}"&gt;registro en el CDSE&lt;/a&gt;). Inicie sesión una vez en el panel WorldCereal (botón de la barra de herramientas o Complementos → WorldCereal); Procesos, el modelador gráfico y qgis_process usan esa sesión.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="44" />
   <source>&lt;b&gt;Cost and time.&lt;/b&gt; Each job uses credits from your CDSE allowance (10,000 free credits a month) and takes 10–20 minutes or more; it goes on if you close QGIS.</source>
   <translation>&lt;b&gt;Coste y tiempo.&lt;/b&gt; Cada trabajo consume créditos de su cupo del CDSE (10 000 créditos gratuitos al mes) y tarda 10–20 minutos o más; continúa aunque cierre QGIS.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="51" />
   <source>&lt;b&gt;Period.&lt;/b&gt; Give a YEAR or the dates: one of the two is needed.</source>
   <translation>&lt;b&gt;Periodo.&lt;/b&gt; Indique un AÑO o las fechas: hace falta uno de los dos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="47" />
   <source>A map of 100 km² costs about {low}–{high} credits and takes {short}–{long} minutes. &lt;b&gt;Area.&lt;/b&gt; Give either a polygon layer or an extent, not both.</source>
   <translation>Un mapa de 100 km² cuesta unos {low}–{high} créditos y tarda {short}–{long} minutos. &lt;b&gt;Área.&lt;/b&gt; Indique una capa de polígonos o una extensión, no ambas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="51" />
   <source>Also produce the cropland map</source>
   <translation>Producir también el mapa de tierras de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="62" />
   <source>Area of interest (polygon layer)</source>
   <translation>Área de interés (capa de polígonos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="65" />
   <source>Area of interest as an extent</source>
   <translation>Área de interés como extensión</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="160" />
   <source>Area {area} km² crosses the antimeridian (180°): running it as {count} tiles of up to {size} km, each on one side.</source>
   <translation>El área de {area} km² cruza el antimeridiano (180°): se procesa en {count} teselas de hasta {size} km, cada una a un lado.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="163" />
   <source>Area {area} km² is above the one-job limit: running it as {count} tiles of up to {size} km.</source>
   <translation>El área de {area} km² supera el límite de un trabajo: se procesa en {count} teselas de hasta {size} km.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="185" />
   <source>Area {area} km²; estimated cost {low}–{high} credits.</source>
   <translation>Área de {area} km²; coste estimado {low}–{high} créditos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="103" />
   <source>As tiles, this area needs at least {needed} credits, more than your budget of {budget} credits.</source>
   <translation>En teselas, esta área necesita al menos {needed} créditos, más que su presupuesto de {budget} créditos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="83" />
   <source>Backend URL (local or custom backend; empty = the URL in the plugin settings)</source>
   <translation>URL del servidor (local o personalizado; vacío = la URL de los ajustes del complemento)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="248" />
   <source>Cap: samples per H3 cell and class</source>
   <translation>Límite: muestras por celda H3 y por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="173" />
   <source>Checks a reference data layer against WorldCereal's harmonised format (sample_id, 10-digit ewoc_code, valid_time, quality scores 0–100, extract, h3_l3_cell, ref_id starting with the year). Reprojects to EPSG:4326 and turns polygons into their centroids (computed in EPSG:3857, as the library does; polygons whose centroid falls outside are dropped). Writes a report table (one row per problem: row, column, why) and the clean samples as points. For data that is not harmonised, choose the label column, the date and a ref_id: labels are mapped to EWOC codes with the class mappings file.</source>
   <translation>Comprueba una capa de datos de referencia frente al formato armonizado de WorldCereal (sample_id, ewoc_code de 10 dígitos, valid_time, puntuaciones de calidad 0–100, extract, h3_l3_cell, ref_id que empieza por el año). Reproyecta a EPSG:4326 y convierte los polígonos en sus centroides (calculados en EPSG:3857, como la biblioteca; se descartan los polígonos cuyo centroide cae fuera). Escribe una tabla de informe (una fila por problema: fila, columna, motivo) y las muestras limpias como puntos. Para datos no armonizados, elija la columna de etiqueta, la fecha y un ref_id: las etiquetas se convierten en códigos EWOC con el archivo de correspondencias de clases.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="121" />
   <source>Choose a reference data layer or file.</source>
   <translation>Elija una capa o un archivo de datos de referencia.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="192" />
   <source>Class mappings (class_mappings.json)</source>
   <translation>Correspondencias de clases (class_mappings.json)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="196" />
   <source>Clean samples</source>
   <translation>Muestras limpias</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="261" />
   <source>Credits (estimate when planning, used when run)</source>
   <translation>Créditos (estimados al planificar, usados al ejecutar)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="67" />
   <source>Credits used</source>
   <translation>Créditos usados</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="54" />
   <source>Crop type majority-vote kernel</source>
   <translation>Núcleo del voto mayoritario de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="26" />
   <source>Crop type map (WorldCereal)</source>
   <translation>Mapa de tipos de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="52" />
   <source>Crop type post-processing</source>
   <translation>Posprocesado de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="57" />
   <source>Cropland majority-vote kernel</source>
   <translation>Núcleo del voto mayoritario de tierras de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="207" />
   <source>Cropland map (WorldCereal)</source>
   <translation>Mapa de tierras de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="79" />
   <source>Cropland period end (YYYY-MM-DD)</source>
   <translation>Fin del periodo de tierras de cultivo (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="78" />
   <source>Cropland period start (YYYY-MM-DD)</source>
   <translation>Inicio del periodo de tierras de cultivo (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="55" />
   <source>Cropland post-processing</source>
   <translation>Posprocesado de tierras de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="59" />
   <source>Custom crop-type model (URL of a head .zip)</source>
   <translation>Modelo propio de tipos de cultivo (URL de un .zip de cabeza)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="200" />
   <source>Dropped polygons</source>
   <translation>Polígonos descartados</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="199" />
   <source>Errors</source>
   <translation>Errores</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="70" />
   <source>Estimated credits (high)</source>
   <translation>Créditos estimados (alto)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="294" />
   <source>Every selected sample is already extracted; nothing to do.</source>
   <translation>Todas las muestras seleccionadas ya están extraídas; no hay nada que hacer.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="246" />
   <source>Extract flag at least</source>
   <translation>Indicador extract como mínimo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="230" />
   <source>Extract time series for reference data (WorldCereal)</source>
   <translation>Extraer series temporales para datos de referencia (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="256" />
   <source>Extracted samples</source>
   <translation>Muestras extraídas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="226" />
   <source>First day of the 12-month period</source>
   <translation>Primer día del periodo de 12 meses</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="240" />
   <source>Give YEAR or START_DATE, not both: YEAR {year} means the 12 months ending with that year's last season, START_DATE {start} the 12 months from that day.</source>
   <translation>Indique YEAR o START_DATE, no ambos: YEAR {year} son los 12 meses que terminan con la última temporada de ese año, START_DATE {start} los 12 meses desde ese día.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="251" />
   <source>Give a year or the first day of the 12-month period.</source>
   <translation>Indique un año o el primer día del periodo de 12 meses.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="72" />
   <source>Give an area of interest: a polygon layer or an extent.</source>
   <translation>Indique un área de interés: una capa de polígonos o una extensión.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="92" />
   <source>Give the season dates, or a year so the seasons can be suggested from the crop calendar.</source>
   <translation>Indique las fechas de las temporadas, o un año para que se propongan a partir del calendario de cultivos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="260" />
   <source>Jobs</source>
   <translation>Trabajos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="160" />
   <source>Label '{label}' ({count} rows) has no EWOC code in the class mappings.</source>
   <translation>La etiqueta «{label}» ({count} filas) no tiene código EWOC en las correspondencias de clases.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="54" />
   <source>Largest area for one job (km²)</source>
   <translation>Superficie máxima para un trabajo (km²)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="61" />
   <source>Largest estimated cost of a tiled run (credits; above it nothing is sent)</source>
   <translation>Coste estimado máximo de un procesamiento por teselas (créditos; por encima no se envía nada)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="63" />
   <source>Load the result as styled layers</source>
   <translation>Cargar el resultado como capas con estilo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="229" />
   <source>Majority-vote kernel (odd, ≤ 25)</source>
   <translation>Núcleo del voto mayoritario (impar, ≤ 25)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="37" />
   <source>Maps</source>
   <translation>Mapas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="29" />
   <source>Maps crop types for one or two growing seasons with the WorldCereal model (or your own crop-type head zip). The processing period is the 12 months ending with the last season's last month. Leave the season dates empty and give a year to use the crop calendar's windows for the season ids (tc-s1 = season 1, tc-s2 = season 2, tc-annual = whole year), as the WorldCereal library does. Bands: cropland, croptype_classification:&lt;season&gt; (value = class), probabilities.</source>
   <translation>Cartografía los tipos de cultivo de una o dos temporadas de cultivo con el modelo WorldCereal (o su propio modelo .zip). El periodo de procesamiento son los 12 meses que terminan con el último mes de la última temporada. Deje vacías las fechas e indique un año para usar las temporadas del calendario de cultivos (tc-s1 = temporada 1, tc-s2 = temporada 2, tc-annual = año completo), como hace la biblioteca WorldCereal. Bandas: tierras de cultivo, croptype_classification:&lt;temporada&gt; (valor = clase), probabilidades.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="210" />
   <source>Maps temporary cropland for an area with the pre-trained WorldCereal model on openEO. The processing period is exactly 12 whole months: give a start month, or a year. For a year the period follows the WorldCereal notebooks' rule: the 12 months ending with the month the area's last crop-calendar season of that year ends (the calendar is downloaded once, about 2 MB; without it the algorithm stops and says how to point it at a local copy). Bands: cropland_classification (1 = cropland), probability_cropland, probability_other.</source>
   <translation>Cartografía los cultivos temporales de un área con el modelo WorldCereal preentrenado en openEO. El periodo de procesamiento son exactamente 12 meses completos: indique un mes de inicio, o un año. Para un año, el periodo sigue la regla de los cuadernos de WorldCereal: los 12 meses que terminan con el mes en que acaba la última temporada de ese año del calendario de cultivos en el área (el calendario se descarga una vez, unos 2 MB; sin él el algoritmo se detiene y explica cómo indicar una copia local). Bandas: cropland_classification (1 = tierra de cultivo), probability_cropland, probability_other.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="50" />
   <source>Mask non-cropland (value 254)</source>
   <translation>Enmascarar lo que no es tierra de cultivo (valor 254)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="258" />
   <source>Merged extractions (Parquet folder)</source>
   <translation>Extracciones fusionadas (carpeta Parquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="135" />
   <source>Model {name} checked before any job.</source>
   <translation>Modelo {name} comprobado antes de cualquier trabajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="61" />
   <source>Name field (one plan per feature)</source>
   <translation>Campo de nombre (un plan por entidad)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="63" />
   <source>Name of the area</source>
   <translation>Nombre del área</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="45" />
   <source>Name of the area (for titles)</source>
   <translation>Nombre del área (para los títulos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="335" />
   <source>No extraction job finished; see the errors above.</source>
   <translation>Ningún trabajo de extracción ha terminado; vea los errores de arriba.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="275" />
   <source>None of the {n} valid samples is selected by '{choice}'; choose another selection or a lower extract flag.</source>
   <translation>Ninguna de las {n} muestras válidas queda seleccionada por «{choice}»; elija otra selección o un indicador extract más bajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="183" />
   <source>Not harmonised: crop label column</source>
   <translation>No armonizados: columna de la etiqueta de cultivo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="190" />
   <source>Not harmonised: data set id (YYYY_...)</source>
   <translation>No armonizados: id del conjunto de datos (AAAA_...)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="184" />
   <source>Not harmonised: date column</source>
   <translation>No armonizados: columna de la fecha</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="189" />
   <source>Not harmonised: one date for all samples (YYYY-MM-DD)</source>
   <translation>No armonizados: una fecha para todas las muestras (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="185" />
   <source>Not harmonised: sample id column</source>
   <translation>No armonizados: columna del id de muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="77" />
   <source>Number of seasons</source>
   <translation>Número de temporadas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="69" />
   <source>Number of tiles</source>
   <translation>Número de teselas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="254" />
   <source>Only plan the jobs (send nothing)</source>
   <translation>Solo planificar los trabajos (no se envía nada)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="64" />
   <source>Output folder</source>
   <translation>Carpeta de salida</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="41" />
   <source>Plan tiles for a large area</source>
   <translation>Planificar las teselas de un área grande</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="227" />
   <source>Post-processing</source>
   <translation>Posprocesado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="91" />
   <source>Reference data</source>
   <translation>Datos de referencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="100" />
   <source>Reference data (points or polygons; a layer or a GeoParquet file)</source>
   <translation>Datos de referencia (puntos o polígonos; una capa o un archivo GeoParquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="63" />
   <source>Registered custom model or head .zip file</source>
   <translation>Modelo propio registrado o archivo .zip de cabeza</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="135" />
   <source>Result: {path}</source>
   <translation>Resultado: {path}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="135" />
   <source>Result: {path} ({credits} credits used)</source>
   <translation>Resultado: {path} ({credits} créditos usados)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="219" />
   <source>Row {row}, {column}: {problem}</source>
   <translation>Fila {row}, {column}: {problem}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="233" />
   <source>Runs WorldCereal point-extraction jobs on openEO for a harmonised reference data layer: monthly Sentinel-2, Sentinel-1, AgERA5 and DEM values per sample. Jobs are split by year of valid_time, then by Sentinel-2 tile, at most 500 samples each; at most 2 run at once and failed jobs are retried. Results are post-processed into WorldCereal's long format and merged into worldcereal_merged_extractions.parquet (one folder per ref_id); samples already extracted there are skipped. A data set with validation errors is never sent. About 30 credits per job.</source>
   <translation>Ejecuta en openEO trabajos de extracción puntual de WorldCereal para una capa de datos de referencia armonizada: valores mensuales de Sentinel-2, Sentinel-1, AgERA5 y MDE por muestra. Los trabajos se dividen por año de valid_time y luego por tesela Sentinel-2, con 500 muestras como máximo cada uno; se ejecutan como máximo 2 a la vez y los fallidos se reintentan. Los resultados se pasan al formato largo de WorldCereal y se fusionan en worldcereal_merged_extractions.parquet (una carpeta por ref_id); las muestras ya extraídas se omiten. Nunca se envía un conjunto de datos con errores de validación. Unos 30 créditos por trabajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="244" />
   <source>Samples to extract</source>
   <translation>Muestras que extraer</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="259" />
   <source>Samples written</source>
   <translation>Muestras escritas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="99" />
   <source>Season '{season}' has no dates and is not a crop-calendar season ({seasons}); give its start and end dates.</source>
   <translation>La temporada «{season}» no tiene fechas y no es una temporada del calendario de cultivos ({seasons}); indique sus fechas de inicio y fin.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="46" />
   <source>Season {n} end (YYYY-MM-DD)</source>
   <translation>Fin de la temporada {n} (AAAA-MM-DD)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="39" />
   <source>Season {n} id</source>
   <translation>Id de la temporada {n}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="81" />
   <source>Season {n} needs an id, a start and an end date.</source>
   <translation>La temporada {n} necesita un id, una fecha de inicio y una de fin.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="43" />
   <source>Season {n} start (YYYY-MM-DD; empty = suggested from the crop calendar)</source>
   <translation>Inicio de la temporada {n} (AAAA-MM-DD; vacío = propuesto por el calendario de cultivos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="49" />
   <source>Sentinel-1 orbit</source>
   <translation>Órbita Sentinel-1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="109" />
   <source>Sentinel-1 orbit: {orbit}. {reason}</source>
   <translation>Órbita Sentinel-1: {orbit}. {reason}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="50" />
   <source>Splits an area into job-sized tiles the way the WorldCereal library does: along the Sentinel-2 tiles, a square grid of the tile size in each tile's UTM zone, slivers under 100 m merged. Each tile gets its name (&lt;area&gt;_&lt;S2 tile&gt;_&lt;n&gt;), S2 tile, UTM EPSG, area and estimated credits (est_credits is the high estimate). With a name field, each feature is planned on its own. An area across 180° (an extent with xmin &gt; xmax, e.g. 178,-179.7,-17.3,-16.1) gets tiles on both sides. Areas needing more than 1,000 jobs are refused at once, before planning.</source>
   <translation>Divide un área en teselas del tamaño de un trabajo como lo hace la biblioteca de WorldCereal: según las teselas de Sentinel-2, una cuadrícula cuadrada del tamaño de tesela en la zona UTM de cada tesela, con las franjas de menos de 100 m fusionadas. Cada tesela recibe su nombre (&lt;area&gt;_&lt;S2 tile&gt;_&lt;n&gt;), su tesela S2, su EPSG UTM, su superficie y sus créditos estimados (est_credits es la estimación alta). Con un campo de nombre, cada entidad se planifica por separado. Un área que cruza 180° (una extensión con xmin &gt; xmax, p. ej. 178,-179.7,-17.3,-16.1) recibe teselas a ambos lados. Las áreas que necesitan más de 1.000 trabajos se rechazan de inmediato, antes de planificar.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="49" />
   <source>Suggest growing seasons (crop calendar)</source>
   <translation>Proponer temporadas de cultivo (calendario de cultivos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="110" />
   <source>Suggested season {season}: {start} – {end} (crop calendar, {year}).</source>
   <translation>Temporada propuesta {season}: {start} – {end} (calendario de cultivos, {year}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="75" />
   <source>Suggested seasons</source>
   <translation>Temporadas propuestas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="58" />
   <source>Suggests the season windows WorldCereal's library would use for an area and year, from its crop calendar (median start and end over the area's 0.5° cells, nearest cell within 5° otherwise). One row per season: tc-s1, tc-s2 (only where the area has a second season) and tc-annual, with the 12-month processing period ending with the season, and a warning when the area's calendars differ a lot; when tc-s2 is left out the log says why. CROPLAND_START/CROPLAND_END is the 12-month period for a cropland map by the WorldCereal notebooks' rule: the 12 months ending with the area's last season. An extent across 180° is written with xmin &gt; xmax (e.g. 178,-179.7,-17.3,-16.1 [EPSG:4326]). The calendar is downloaded once (about 2 MB, pinned and checked) and kept in the QGIS profile; offline, point the setting worldcereal_qgis/seasons/calendar_path to a local copy.</source>
   <translation>Propone las temporadas que usaría la biblioteca de WorldCereal para un área y un año, según su calendario de cultivos (inicio y fin medianos sobre las celdas de 0,5° del área; si no, la celda más cercana a menos de 5°). Una fila por temporada: tc-s1, tc-s2 (solo donde el área tiene una segunda temporada) y tc-annual, con el periodo de procesamiento de 12 meses que termina con la temporada, y un aviso cuando los calendarios del área difieren mucho; cuando se omite tc-s2, el registro dice por qué. CROPLAND_START/CROPLAND_END es el periodo de 12 meses de un mapa de tierras de cultivo según la regla de los cuadernos de WorldCereal: los 12 meses que terminan con la última temporada del área. Una extensión que cruza 180° se escribe con xmin &gt; xmax (p. ej. 178,-179.7,-17.3,-16.1 [EPSG:4326]). El calendario se descarga una vez (unos 2 MB, versión fijada y comprobada) y se guarda en el perfil de QGIS; sin conexión, indique una copia local en el ajuste worldcereal_qgis/seasons/calendar_path.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="100" />
   <source>The crop calendar has no growing season for this area in {year}; enter the season dates by hand.</source>
   <translation>El calendario de cultivos no tiene ninguna temporada de cultivo para esta área en {year}; introduzca las fechas de las temporadas a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="106" />
   <source>The crop calendar has no {season} season for this area; it is left out.</source>
   <translation>El calendario de cultivos no tiene temporada {season} para esta área; se omite.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="116" />
   <source>The crop calendar has none of the seasons {seasons} for this area in {year}; enter the season dates by hand.</source>
   <translation>El calendario de cultivos no tiene ninguna de las temporadas {seasons} para esta área en {year}; introduzca las fechas de las temporadas a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="65" />
   <source>Tile size (km)</source>
   <translation>Tamaño de tesela (km)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="57" />
   <source>Tile size for larger areas (km; run as tiles, result is a mosaic VRT)</source>
   <translation>Tamaño de tesela para áreas grandes (km; se procesan en teselas, el resultado es un mosaico VRT)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="171" />
   <source>Tile {name} failed; see {log}.</source>
   <translation>La tesela {name} ha fallado; vea {log}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="67" />
   <source>Tiles</source>
   <translation>Teselas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="198" />
   <source>Valid samples</source>
   <translation>Muestras válidas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="170" />
   <source>Validate reference data (WorldCereal)</source>
   <translation>Validar datos de referencia (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="194" />
   <source>Validation report</source>
   <translation>Informe de validación</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="65" />
   <source>WorldCereal map (GeoTIFF)</source>
   <translation>Mapa WorldCereal (GeoTIFF)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="220" />
   <source>Year (its growing seasons are covered) — or give the first day below</source>
   <translation>Año (se cubren sus temporadas de cultivo) — o indique el primer día abajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="73" />
   <source>Year (the seasons end in this year)</source>
   <translation>Año (las temporadas terminan en ese año)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="48" />
   <source>Year of the suggested seasons — or give the season dates above (one of the two is needed)</source>
   <translation>Año de las temporadas propuestas — o indique las fechas de las temporadas arriba (hace falta uno de los dos)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="42" />
   <source>all samples</source>
   <translation>todas las muestras</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="43" />
   <source>cap per H3 level-3 cell and class</source>
   <translation>límite por celda H3 de nivel 3 y por clase</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="42" />
   <source>extract flag (the RDM's representative subset)</source>
   <translation>indicador extract (el subconjunto representativo del RDM)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="82" />
   <source>openEO backend</source>
   <translation>Servidor openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="66" />
   <source>openEO job id</source>
   <translation>Id del trabajo openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="130" />
   <source>tc-s2 is not offered: its median window ({start} – {end}) equals tc-s1's, which is how the crop calendar marks an area with one growing season.</source>
   <translation>tc-s2 no se ofrece: su ventana mediana ({start} – {end}) es igual a la de tc-s1, que es como el calendario de cultivos señala un área con una sola temporada de cultivo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="127" />
   <source>tc-s2 is not offered: the crop calendar has no valid second season here (no dates, or an end before the start).</source>
   <translation>tc-s2 no se ofrece: el calendario de cultivos no tiene aquí una segunda temporada válida (sin fechas, o con un fin anterior al inicio).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="129" />
   <source>{count} tiles of up to {size} km; estimated up to {total} credits.</source>
   <translation>{count} teselas de hasta {size} km; hasta {total} créditos estimados.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="330" />
   <source>{done} of {total} jobs finished; {written} samples written to {path} ({credits} credits used).</source>
   <translation>{done} de {total} trabajos terminados; {written} muestras escritas en {path} ({credits} créditos usados).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="284" />
   <source>{n} samples were extracted before and are skipped.</source>
   <translation>{n} muestras ya se extrajeron antes y se omiten.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="110" />
   <source>{season}: {start} – {end} (processing period {first} – {last})</source>
   <translation>{season}: {start} – {end} (periodo de procesamiento {first} – {last})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="61" />
   <source>…or a registered custom model (name or id) or your own head .zip file (checked, uploaded, its URL renewed when expired)</source>
   <translation>…o un modelo propio registrado (nombre o id) o su propio archivo .zip de cabeza (comprobado, subido, su URL renovada al caducar)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="64" />
   <source>…or area of interest as an extent</source>
   <translation>…o área de interés como extensión</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="225" />
   <source>…or first day of the 12-month period (YYYY-MM-01)</source>
   <translation>…o primer día del periodo de 12 meses (AAAA-MM-01)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealRuns</name>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="43" />
   <source>Cancel every remote job of the selected run</source>
   <translation>Cancelar todos los trabajos remotos del procesamiento seleccionado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="43" />
   <source>Cancel run</source>
   <translation>Cancelar el procesamiento</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Credits</source>
   <translation>Créditos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="44" />
   <source>Folder</source>
   <translation>Carpeta</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="44" />
   <source>Open the run folder (tiles, mosaic, job_tracking.csv, logs)</source>
   <translation>Abrir la carpeta del procesamiento (teselas, mosaico, job_tracking.csv, registros)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Status</source>
   <translation>Estado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Tiled run</source>
   <translation>Procesamiento por teselas</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="77" />
   <source>Tiled runs (large areas, one job per tile)</source>
   <translation>Procesamientos por teselas (áreas grandes, un trabajo por tesela)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Tiles</source>
   <translation>Teselas</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealSeasons</name>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Season 1</source>
   <translation>Temporada 1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Season 2</source>
   <translation>Temporada 2</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Whole year</source>
   <translation>Año completo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="35" />
   <source>WorldCereal season id: {id}</source>
   <translation>Identificador de temporada WorldCereal: {id}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="30" />
   <source>{season}: {start} – {end}</source>
   <translation>{season}: {start} – {end}</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealSession</name>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="39" />
   <source>1 WorldCereal job is still running</source>
   <translation>1 trabajo de WorldCereal sigue en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="36" />
   <source>1 WorldCereal tiled run is still running</source>
   <translation>1 procesamiento por teselas de WorldCereal sigue en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="197" />
   <source>Open panel</source>
   <translation>Abrir el panel</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="45" />
   <source>QGIS will now ask for its master password: WorldCereal keeps your login in QGIS's encrypted authentication database, never in plain settings.</source>
   <translation>QGIS pedirá ahora su contraseña maestra: WorldCereal guarda su sesión en la base de autenticación cifrada de QGIS, nunca en ajustes sin cifrar.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="145" />
   <source>WorldCereal: looking for unfinished jobs</source>
   <translation>WorldCereal: buscando trabajos sin terminar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="33" />
   <source>{jobs} WorldCereal jobs and {runs} tiled runs are still running</source>
   <translation>{jobs} trabajos de WorldCereal y {runs} procesamientos por teselas siguen en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="40" />
   <source>{jobs} WorldCereal jobs are still running</source>
   <translation>{jobs} trabajos de WorldCereal siguen en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="37" />
   <source>{runs} WorldCereal tiled runs are still running</source>
   <translation>{runs} procesamientos por teselas de WorldCereal siguen en curso</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealTasks</name>
  <message>
   <location filename="worldcereal_qgis/adapters/tasks.py" line="111" />
   <source>QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was ended as cancelled, please run it again.</source>
   <translation>QGIS perdió la tarea en cola «{task}» de su grupo de hilos (incidencia de QGIS 53806); se terminó como cancelada, vuelva a ejecutarla.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tasks.py" line="109" />
   <source>QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was started again.</source>
   <translation>QGIS perdió la tarea en cola «{task}» de su grupo de hilos (incidencia de QGIS 53806); se ha vuelto a iniciar.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealTileLayer</name>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="344" />
   <source>The tile layer update was cancelled.</source>
   <translation>Se canceló la actualización de la capa de teselas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="140" />
   <source>The tile layer {path} cannot be opened.</source>
   <translation>No se puede abrir la capa de teselas {path}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="101" />
   <source>The tile layer {path} cannot be written: {error}.</source>
   <translation>No se puede escribir la capa de teselas {path}: {error}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="337" />
   <source>The tile layer {path} could not be updated.</source>
   <translation>No se pudo actualizar la capa de teselas {path}.</translation>
  </message>
 </context>
</TS>
