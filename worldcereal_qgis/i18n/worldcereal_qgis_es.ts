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
  <name>CropCalendar</name>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="127" />
   <source>Processing period {start} – {end}: the 12 months ending with the area's last crop-calendar season of {year} (the WorldCereal notebooks' rule).</source>
   <translation>Periodo de procesamiento {start} – {end}: los 12 meses que terminan con la última temporada de {year} del calendario de cultivos del área (la regla de los cuadernos de WorldCereal).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="81" />
   <source>The WorldCereal crop calendar could not be downloaded (are you offline?); point the setting {key} (Settings → Options → Advanced) or the panel's "Use a local calendar file…" to a copy of {name}, or enter the dates by hand.</source>
   <translation>No se pudo descargar el calendario de cultivos de WorldCereal (¿está sin conexión?); indique una copia de {name} en el ajuste {key} (Configuración → Opciones → Avanzado) o con «Usar un archivo de calendario local…» del panel, o introduzca las fechas a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="125" />
   <source>{reason} The cropland map covers the calendar year {year} instead.</source>
   <translation>{reason} Por eso el mapa de tierras de cultivo cubre el año natural {year}.</translation>
  </message>
 </context>
 <context>
  <name>CustomModels</name>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="111" />
   <source>none</source>
   <translation>ninguno</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="110" />
   <source>{n} {reason}</source>
   <translation>{n} {reason}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="112" />
   <source>{read} rows read, {used} used; {kept} of {total} samples kept; dropped: {dropped}.</source>
   <translation>{read} filas leídas, {used} usadas; {kept} de {total} muestras conservadas; descartadas: {dropped}.</translation>
  </message>
 </context>
 <context>
  <name>ExtractionController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="121" />
   <source>Cancelled; the remote jobs were stopped.</source>
   <translation>Cancelado; los trabajos remotos se detuvieron.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="62" />
   <source>WorldCereal: cancelling the extraction</source>
   <translation>WorldCereal: cancelando la extracción</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="80" />
   <source>WorldCereal: extraction {0} {1}</source>
   <translation>WorldCereal: extracción {0} {1}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="89" />
   <source>WorldCereal: merging extractions</source>
   <translation>WorldCereal: fusionando las extracciones</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="48" />
   <source>WorldCereal: preparing extraction jobs</source>
   <translation>WorldCereal: preparando los trabajos de extracción</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="143" />
   <source>{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far.</source>
   <translation>{0} de {1} trabajos terminados, {2} en curso, {3} fallidos; {4:.1f} créditos consumidos hasta ahora.</translation>
  </message>
 </context>
 <context>
  <name>JobController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="115" />
   <source>{0} is already running as job {1}; following it instead of paying for it twice.</source>
   <translation>{0} ya está en curso (trabajo {1}); se sigue ese trabajo en lugar de pagarlo dos veces.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="111" />
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
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="163" />
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
   <location filename="worldcereal_qgis/controllers/labelling.py" line="114" />
   <source>The label could not be saved in '{layer}'; is the file read-only?</source>
   <translation>No se pudo guardar la etiqueta en «{layer}»; ¿el archivo es de solo lectura?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="39" />
   <source>The sample layer has no field '{field}' to store the labels in.</source>
   <translation>La capa de muestra no tiene ningún campo «{field}» donde guardar las etiquetas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="94" />
   <source>reference data: {layer}</source>
   <translation>datos de referencia: {layer}</translation>
  </message>
 </context>
 <context>
  <name>MapAlgorithm</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="283" />
   <source>Crop type map (WorldCereal)</source>
   <translation>Mapa de tipos de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="208" />
   <source>Cropland map (WorldCereal)</source>
   <translation>Mapa de tierras de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="242" />
   <source>Give YEAR or START_DATE, not both: YEAR {year} means the 12 months ending with that year's last season, START_DATE {start} the 12 months from that day.</source>
   <translation>Indique YEAR o START_DATE, no ambos: YEAR {year} son los 12 meses que terminan con la última temporada de ese año, START_DATE {start} los 12 meses desde ese día.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="286" />
   <source>Maps crop types for one or two growing seasons with the WorldCereal model (or your own crop-type head zip). The processing period is the 12 months ending with the last season's last month. Leave the season dates empty and give a year to use the crop calendar's windows for the season ids (tc-s1 = season 1, tc-s2 = season 2, tc-annual = whole year), as the WorldCereal library does. Bands: cropland, croptype_classification:&lt;season&gt; (value = class), probabilities.</source>
   <translation>Cartografía los tipos de cultivo de una o dos temporadas de cultivo con el modelo WorldCereal (o su propio modelo .zip). El periodo de procesamiento son los 12 meses que terminan con el último mes de la última temporada. Deje vacías las fechas e indique un año para usar las temporadas del calendario de cultivos (tc-s1 = temporada 1, tc-s2 = temporada 2, tc-annual = año completo), como hace la biblioteca WorldCereal. Bandas: tierras de cultivo, croptype_classification:&lt;temporada&gt; (valor = clase), probabilidades.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="211" />
   <source>Maps temporary cropland for an area with the pre-trained WorldCereal model on openEO. The processing period is exactly 12 whole months: give a start month, or a year. For a year the period follows the WorldCereal notebooks' rule: the 12 months ending with the month the area's last crop-calendar season of that year ends (the calendar is downloaded once, about 2 MB; without it the algorithm stops and says how to point it at a local copy). Bands: cropland_classification (1 = cropland), probability_cropland, probability_other.</source>
   <translation>Cartografía los cultivos temporales de un área con el modelo WorldCereal preentrenado en openEO. El periodo de procesamiento son exactamente 12 meses completos: indique un mes de inicio, o un año. Para un año, el periodo sigue la regla de los cuadernos de WorldCereal: los 12 meses que terminan con el mes en que acaba la última temporada de ese año del calendario de cultivos en el área (el calendario se descarga una vez, unos 2 MB; sin él el algoritmo se detiene y explica cómo indicar una copia local). Bandas: cropland_classification (1 = tierra de cultivo), probability_cropland, probability_other.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="221" />
   <source>Year (its growing seasons are covered) — or give the first day below</source>
   <translation>Año (se cubren sus temporadas de cultivo) — o indique el primer día abajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="303" />
   <source>Year of the suggested seasons — or give the season dates above (one of the two is needed)</source>
   <translation>Año de las temporadas propuestas — o indique las fechas de las temporadas arriba (hace falta uno de los dos)</translation>
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
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="126" />
   <source>Choose a reference data layer or file first.</source>
   <translation>Elija primero una capa o un archivo de datos de referencia.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="205" />
   <source>Choose an output folder first.</source>
   <translation>Elija primero una carpeta de salida.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="239" />
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
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="217" />
   <source>Submitting {0} jobs to {1}…</source>
   <translation>Enviando {0} trabajos a {1}…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Validate and plan</source>
   <translation>Validar y planificar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="145" />
   <source>Validating reference data</source>
   <translation>Validando los datos de referencia</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="143" />
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
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="259" />
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
 </context>
 <context>
  <name>TrainCroptypeAlgorithm</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="115" />
   <source>Keep samples whose quality scores are 0 (the library drops them)</source>
   <translation>Conservar las muestras cuyas puntuaciones de calidad son 0 (la biblioteca las descarta)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="72" />
   <source>Model name (empty = season, months, classes and today's date)</source>
   <translation>Nombre del modelo (vacío = temporada, meses, clases y fecha de hoy)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="126" />
   <source>Model name: {name}.</source>
   <translation>Nombre del modelo: {name}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="108" />
   <source>Months each sample gets</source>
   <translation>Meses asignados a cada muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="112" />
   <source>Random seed (split, masking, jitter)</source>
   <translation>Semilla aleatoria (división, enmascarado, desplazamiento)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="101" />
   <source>Registered model name</source>
   <translation>Nombre del modelo registrado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="111" />
   <source>Temporal jitter on the training split (the library's augmentation)</source>
   <translation>Desplazamiento temporal aleatorio en la parte de entrenamiento (el aumento de datos de la biblioteca)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="271" />
   <source>{alignment} alignment: {counts}</source>
   <translation>alineación {alignment}: {counts}</translation>
  </message>
 </context>
 <context>
  <name>TrainingResultDialog</name>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="61" />
   <source>Months per sample: {alignment} alignment, with temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación {alignment}, con desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="63" />
   <source>Months per sample: {alignment} alignment, without temporal jitter (seed {seed}).</source>
   <translation>Meses por muestra: alineación {alignment}, sin desplazamiento temporal aleatorio (semilla {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="65" />
   <source>Warning: {text}</source>
   <translation>Advertencia: {text}</translation>
  </message>
 </context>
 <context>
  <name>WorldCereal</name>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="43" />
   <source> from {low} to {high}</source>
   <translation> de {low} a {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="45" />
   <source> of at least {low}</source>
   <translation> de al menos {low}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="47" />
   <source> of at most {high}</source>
   <translation> de como máximo {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="54" />
   <source>a number</source>
   <translation>un número</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="54" />
   <source>a whole number</source>
   <translation>un número entero</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="38" />
   <source>the QGIS log panel (tab {tab})</source>
   <translation>el panel de registro de QGIS (pestaña {tab})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="72" />
   <source>{label} must be one of {choices}; not '{value}'.</source>
   <translation>{label} debe ser uno de {choices}; no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="80" />
   <source>{label} must be true or false, not '{value}'.</source>
   <translation>{label} debe ser verdadero o falso, no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="84" />
   <source>{label} must be {expected}, not '{value}'.</source>
   <translation>{label} debe ser {expected}, no «{value}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="61" />
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
  <message>
   <source>QGIS will now ask for its master password: WorldCereal keeps your login in QGIS's encrypted authentication database, never in plain settings.</source>
   <translation type="vanished">QGIS pedirá ahora su contraseña maestra: WorldCereal guarda su sesión en la base de autenticación cifrada de QGIS, nunca en ajustes sin cifrar.</translation>
  </message>
  <message>
   <source>QGIS's authentication database is locked; enter the master password to log in.</source>
   <translation type="vanished">La base de autenticación de QGIS está bloqueada; introduzca la contraseña maestra para iniciar sesión.</translation>
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="68" />
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="89" />
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="70" />
   <source>Minimum points per stratum (compromise allocation)</source>
   <translation>Número mínimo de puntos por estrato (asignación de compromiso)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="84" />
   <source>No assessment given: only mapped areas (pixel counts) are reported.</source>
   <translation>No se ha indicado ninguna evaluación: solo se informa de las superficies cartografiadas (recuento de píxeles).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="78" />
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="72" />
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="74" />
   <source>Sample points</source>
   <translation>Puntos de la muestra</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="66" />
   <source>Sample size (0: from the target standard error)</source>
   <translation>Tamaño de la muestra (0: según el error estándar objetivo)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="100" />
   <source>Sample size from the target standard error (Olofsson 2014, eq. 13): {n}.</source>
   <translation>Tamaño de la muestra según el error estándar objetivo (Olofsson 2014, ec. 13): {n}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="76" />
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
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="113" />
   <source>Stratum {stratum}: {pixels} pixels ({area_ha:.1f} ha), {points} points.</source>
   <translation>Estrato {stratum}: {pixels} píxeles ({area_ha:.1f} ha), {points} puntos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="61" />
   <source>Target standard error of overall accuracy</source>
   <translation>Error estándar objetivo de la exactitud global</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="170" />
   <source>The anticipated user's accuracies must be numbers between 0 and 1.</source>
   <translation>Las exactitudes del usuario previstas deben ser números entre 0 y 1.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="150" />
   <source>The assessment file '{name}' cannot be read.</source>
   <translation>No se puede leer el archivo de evaluación «{name}».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="93" />
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
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="29" />
   <source>The local simulated backend is a test server for developers and nothing answers at {url}; start it from the plugin's source checkout with `make backend`.</source>
   <translation>El servidor local simulado es un servidor de pruebas para desarrolladores y nada responde en {url}; inícielo desde el código fuente del complemento con `make backend`.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="87" />
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
  <message>
   <source>Copernicus Data Space Ecosystem (CDSE)</source>
   <translation type="vanished">Copernicus Data Space Ecosystem (CDSE)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealDock</name>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="146" />
   <source>Larger than the {max} km² of one job: it runs as about {tiles} tiles of {km} km, mosaicked.</source>
   <translation>Mayor que los {max} km² de un trabajo: se procesa en unas {tiles} teselas de {km} km y se une en un mosaico.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="123" />
   <source>Log in to {backend} to run jobs.</source>
   <translation>Inicie sesión en {backend} para lanzar trabajos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="96" />
   <source>Map cropland and crop types with ESA WorldCereal on openEO.</source>
   <translation>Cartografíe tierras de cultivo y tipos de cultivo con ESA WorldCereal en openEO.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="135" />
   <source>No area of interest yet.</source>
   <translation>Aún no hay área de interés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="127" />
   <source>Planning the tiles…</source>
   <translation>Planificando las teselas…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="203" />
   <source>Tiled run not started ({summary}).</source>
   <translation>Procesamiento por teselas no iniciado ({summary}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="208" />
   <source>Tiled run started: {summary}; results in {folder}.</source>
   <translation>Procesamiento por teselas iniciado: {summary}; resultados en {folder}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="125" />
   <source>Waiting for the automatic Sentinel-1 orbit choice…</source>
   <translation>Esperando la elección automática de la órbita Sentinel-1…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="215" />
   <source>WorldCereal: start a tiled run?</source>
   <translation>WorldCereal: ¿iniciar un procesamiento por teselas?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="142" />
   <source>{area}: {km2} km² · about {credits} credits · {short}–{long} min</source>
   <translation>{area}: {km2} km² · unos {credits} créditos · {short}–{long} min</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="216" />
   <source>{summary}.

Start {jobs} jobs on {backend}?</source>
   <translation>{summary}.

¿Iniciar {jobs} trabajos en {backend}?</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealDockBase</name>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>ASCENDING</source>
   <translation>Ascendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Account</source>
   <translation>Cuenta</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Advanced options</source>
   <translation>Opciones avanzadas</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Area of interest</source>
   <translation>Área de interés</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Automatic</source>
   <translation>Automática</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Automatic: chosen from the Sentinel-1 coverage of the area; or fix ASCENDING / DESCENDING</source>
   <translation>Automática: elegida según la cobertura Sentinel-1 del área; o fije ascendente / descendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Backend</source>
   <translation>Servidor</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cancel</source>
   <translation>Cancelar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cancel login</source>
   <translation>Cancelar inicio de sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cancel the selected job on the backend (stops using credits)</source>
   <translation>Cancelar el trabajo seleccionado en el servidor (deja de consumir créditos)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Crop type (custom model)</source>
   <translation>Tipo de cultivo (modelo propio)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Crop type (default model)</source>
   <translation>Tipo de cultivo (modelo por defecto)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Crop-type post-processing</source>
   <translation>Posprocesado de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cropland</source>
   <translation>Tierras de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cropland map, or crop-type map with the default WorldCereal model or your own model</source>
   <translation>Mapa de tierras de cultivo, o mapa de tipos de cultivo con el modelo WorldCereal por defecto o con su propio modelo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Cropland post-processing</source>
   <translation>Posprocesado de tierras de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>DESCENDING</source>
   <translation>Descendente</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Draw a polygon</source>
   <translation>Dibujar un polígono</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Draw a rectangle</source>
   <translation>Dibujar un rectángulo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Draw on map</source>
   <translation>Dibujar en el mapa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Draw the area on the map: drag a rectangle, or click polygon vertices and right-click to finish (Esc cancels)</source>
   <translation>Dibuje el área en el mapa: arrastre un rectángulo, o haga clic en los vértices del polígono y termine con clic derecho (Esc cancela)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Fill the season windows from WorldCereal's crop calendar for this area</source>
   <translation>Rellenar las temporadas con el calendario de cultivos de WorldCereal para esta área</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>First month of the season</source>
   <translation>Primer mes de la temporada</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Folder</source>
   <translation>Carpeta</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Forget the stored login for this backend (removed from QGIS's authentication database)</source>
   <translation>Olvidar la sesión guardada para este servidor (se borra de la base de autenticación de QGIS)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>How the crop-type map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Cómo se limpia el mapa de tipos de cultivo: voto mayoritario en una ventana, o suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>How the cropland map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Cómo se limpia el mapa de tierras de cultivo: voto mayoritario en una ventana, o suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Jobs</source>
   <translation>Trabajos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Last month of the season</source>
   <translation>Último mes de la temporada</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Load</source>
   <translation>Cargar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Load (or reload) the results as styled layers</source>
   <translation>Cargar (o recargar) los resultados como capas con estilo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Log</source>
   <translation>Registro</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Log in to the selected openEO backend (browser login for CDSE, user name and password for the local backend)</source>
   <translation>Iniciar sesión en el servidor openEO elegido (en el navegador para el CDSE, usuario y contraseña para el servidor local)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Log in…</source>
   <translation>Iniciar sesión…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Log out</source>
   <translation>Cerrar sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>MMM yyyy</source>
   <translation>MMM yyyy</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Majority vote</source>
   <translation>Voto mayoritario</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Map canvas extent</source>
   <translation>Extensión del mapa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Mask non-cropland in the crop-type map</source>
   <translation>Enmascarar lo que no es cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>No area of interest yet.</source>
   <translation>Aún no hay área de interés.</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Not logged in</source>
   <translation>Sin sesión</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Open browser</source>
   <translation>Abrir el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Open the folder with the downloaded results</source>
   <translation>Abrir la carpeta con los resultados descargados</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Open the login page again in your web browser</source>
   <translation>Volver a abrir la página de inicio de sesión en el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Pixels that are not cropland get value 254 in the crop-type map</source>
   <translation>Los píxeles que no son tierra de cultivo toman el valor 254 en el mapa de tipos de cultivo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Polygon layer</source>
   <translation>Capa de polígonos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Product</source>
   <translation>Producto</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Remove</source>
   <translation>Quitar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Remove the job from this list (downloaded files stay on disk)</source>
   <translation>Quitar el trabajo de la lista (los archivos descargados siguen en el disco)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Retry</source>
   <translation>Reintentar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Run</source>
   <translation>Ejecutar</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Run the selected failed or cancelled job again with the same settings</source>
   <translation>Volver a ejecutar el trabajo fallido o cancelado con los mismos ajustes</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Season 1</source>
   <translation>Temporada 1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Season 2</source>
   <translation>Temporada 2</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Season id: tc-s1, tc-s2 or your own name (letters, digits, _ and -)</source>
   <translation>Identificador de temporada: tc-s1, tc-s2 o su propio nombre (letras, cifras, _ y -)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Selected features only</source>
   <translation>Solo los objetos seleccionados</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Sentinel-1 orbit</source>
   <translation>Órbita Sentinel-1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Show the backend log of the selected job</source>
   <translation>Mostrar el registro del servidor para el trabajo seleccionado</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Smooth probabilities</source>
   <translation>Suavizado de probabilidades</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Start the WorldCereal job on the backend (runs in the background; credits are used)</source>
   <translation>Iniciar el trabajo WorldCereal en el servidor (en segundo plano; consume créditos)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Stop waiting for the browser login</source>
   <translation>Dejar de esperar el inicio de sesión en el navegador</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Suggest from crop calendar</source>
   <translation>Proponer según el calendario de cultivos</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>The calendar year to map (January to December)</source>
   <translation>El año a cartografiar (de enero a diciembre)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>The openEO backend that runs the jobs (CDSE by default)</source>
   <translation>El servidor openEO que ejecuta los trabajos (CDSE por defecto)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>The polygon layer whose features form the area of interest</source>
   <translation>La capa de polígonos cuyos objetos forman el área de interés</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>The seasons on the processing period's 12 months; drag a bar or its ends to adjust it</source>
   <translation>Las temporadas en los 12 meses del periodo de procesamiento; arrastre una barra o sus extremos para ajustarla</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Use only the selected features of the layer</source>
   <translation>Usar solo los objetos seleccionados de la capa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Use season 1 (a job can map at most two seasons)</source>
   <translation>Usar la temporada 1 (un trabajo cartografía como máximo dos temporadas)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Use season 2 (a job can map at most two seasons)</source>
   <translation>Usar la temporada 2 (un trabajo cartografía como máximo dos temporadas)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>When</source>
   <translation>Cuándo</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Where to map: the current map view, a rectangle or polygon you draw, or the polygons of a layer</source>
   <translation>Dónde cartografiar: la vista actual del mapa, un rectángulo o polígono dibujado, o los polígonos de una capa</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Window size of the crop-type majority vote (odd, 1–25 pixels)</source>
   <translation>Tamaño de ventana del voto mayoritario de tipos de cultivo (impar, 1–25 píxeles)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Window size of the cropland majority vote (odd, 1–25 pixels)</source>
   <translation>Tamaño de ventana del voto mayoritario de tierras de cultivo (impar, 1–25 píxeles)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>WorldCereal</source>
   <translation>WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Year</source>
   <translation>Año</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>Your WorldCereal jobs; right-click a job for actions</source>
   <translation>Sus trabajos WorldCereal; clic derecho en un trabajo para ver las acciones</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>https:// URL of your crop-type head model (.zip), e.g. from the WorldCereal training notebook</source>
   <translation>URL https:// de su modelo de tipos de cultivo (.zip), p. ej. del cuaderno de entrenamiento de WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>https://…</source>
   <translation>https://…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>https://…/my_croptype_head.zip</source>
   <translation>https://…/mi_modelo_cultivos.zip</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
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
   <location filename="worldcereal_qgis/gui/form_panel.py" line="294" />
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
   <location filename="worldcereal_qgis/gui/form_panel.py" line="333" />
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
   <location filename="worldcereal_qgis/gui/form_panel.py" line="365" />
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
   <location filename="worldcereal_qgis/gui/form_panel.py" line="299" />
   <source>Reading the crop calendar…</source>
   <translation>Leyendo el calendario de cultivos…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="356" />
   <source>The crop calendar has no season for this area; enter the months by hand.</source>
   <translation>El calendario de cultivos no tiene temporadas para esta área; introduzca los meses a mano.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="312" />
   <source>Use a local calendar file…</source>
   <translation>Usar un archivo de calendario local…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="332" />
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
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="173" />
   <source>Backend: {url}</source>
   <translation>Servidor: {url}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Cancel job</source>
   <translation>Cancelar el trabajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="143" />
   <source>Credits</source>
   <translation>Créditos</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="179" />
   <source>Folder: {folder}</source>
   <translation>Carpeta: {folder}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="143" />
   <source>Job</source>
   <translation>Trabajo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="175" />
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
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="143" />
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
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="143" />
   <source>Status</source>
   <translation>Estado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="45" />
   <source>cancelled</source>
   <translation>cancelado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="43" />
   <source>created</source>
   <translation>creado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>download failed</source>
   <translation>descarga fallida</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="45" />
   <source>downloading</source>
   <translation>descargando</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="44" />
   <source>failed</source>
   <translation>fallido</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="44" />
   <source>finished</source>
   <translation>terminado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="45" />
   <source>loaded</source>
   <translation>cargado</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="43" />
   <source>queued</source>
   <translation>en cola</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="44" />
   <source>running</source>
   <translation>en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="43" />
   <source>submitting</source>
   <translation>enviando</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLegend</name>
  <message>
   <location filename="worldcereal_qgis/adapters/legend.py" line="50" />
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
  <name>WorldCerealPlugin</name>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="86" />
   <source>Load a real WorldCereal crop-type map shipped with the plugin (offline, no account needed)</source>
   <translation>Cargar un mapa real de tipos de cultivo de WorldCereal incluido en el complemento (sin conexión, sin cuenta)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="84" />
   <source>Open an example result</source>
   <translation>Abrir un resultado de ejemplo</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="66" />
   <source>Open the WorldCereal panel: cropland and crop-type maps with openEO</source>
   <translation>Abrir el panel WorldCereal: mapas de tierras de cultivo y de tipos de cultivo con openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="70" />
   <source>Reference data and extractions…</source>
   <translation>Datos de referencia y extracciones…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="72" />
   <source>Validate your reference data and extract satellite time series for it</source>
   <translation>Validar sus datos de referencia y extraer sus series temporales de satélite</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealProcessing</name>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="37" />
   <source>&lt;b&gt;Account.&lt;/b&gt; Jobs run on openEO with your Copernicus Data Space Ecosystem account (free: &lt;a href="{url}"&gt;register at CDSE&lt;/a&gt;). Log in once in the WorldCereal panel (toolbar button or Plugins → WorldCereal); Processing, the Model Builder and qgis_process use that login.</source>
   <translation>&lt;b&gt;Cuenta.&lt;/b&gt; Los trabajos se ejecutan en openEO con su cuenta del Copernicus Data Space Ecosystem (gratuita: &lt;a href="{url}"&gt;registro en el CDSE&lt;/a&gt;). Inicie sesión una vez en el panel WorldCereal (botón de la barra de herramientas o Complementos → WorldCereal); Procesos, el modelador gráfico y qgis_process usan esa sesión.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="41" />
   <source>&lt;b&gt;Cost and time.&lt;/b&gt; Each job uses credits from your CDSE allowance (10,000 free credits a month) and takes 10–20 minutes or more; it goes on if you close QGIS.</source>
   <translation>&lt;b&gt;Coste y tiempo.&lt;/b&gt; Cada trabajo consume créditos de su cupo del CDSE (10 000 créditos gratuitos al mes) y tarda 10–20 minutos o más; continúa aunque cierre QGIS.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="48" />
   <source>&lt;b&gt;Period.&lt;/b&gt; Give a YEAR or the dates: one of the two is needed.</source>
   <translation>&lt;b&gt;Periodo.&lt;/b&gt; Indique un AÑO o las fechas: hace falta uno de los dos.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="44" />
   <source>A map of 100 km² costs about {low}–{high} credits and takes {short}–{long} minutes. &lt;b&gt;Area.&lt;/b&gt; Give either a polygon layer or an extent, not both.</source>
   <translation>Un mapa de 100 km² cuesta unos {low}–{high} créditos y tarda {short}–{long} minutos. &lt;b&gt;Área.&lt;/b&gt; Indique una capa de polígonos o una extensión, no ambas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="63" />
   <source>Backend URL (local or custom backend; empty = the URL in the plugin settings)</source>
   <translation>URL del servidor (local o personalizado; vacío = la URL de los ajustes del complemento)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="220" />
   <source>Runs WorldCereal point-extraction jobs on openEO for a harmonised reference data layer: monthly Sentinel-2, Sentinel-1, AgERA5 and DEM values per sample. Jobs are split by year of valid_time, then by Sentinel-2 tile, at most 500 samples each; at most 2 run at once and failed jobs are retried. Results are post-processed into WorldCereal's long format and merged into worldcereal_merged_extractions.parquet (one folder per ref_id); samples already extracted there are skipped. A data set with validation errors is never sent. About 30 credits per job.</source>
   <translation>Ejecuta en openEO trabajos de extracción puntual de WorldCereal para una capa de datos de referencia armonizada: valores mensuales de Sentinel-2, Sentinel-1, AgERA5 y MDE por muestra. Los trabajos se dividen por año de valid_time y luego por tesela Sentinel-2, con 500 muestras como máximo cada uno; se ejecutan como máximo 2 a la vez y los fallidos se reintentan. Los resultados se pasan al formato largo de WorldCereal y se fusionan en worldcereal_merged_extractions.parquet (una carpeta por ref_id); las muestras ya extraídas se omiten. Nunca se envía un conjunto de datos con errores de validación. Unos 30 créditos por trabajo.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="62" />
   <source>openEO backend</source>
   <translation>Servidor openEO</translation>
  </message>
  <message>
   <source>Crop type map (WorldCereal)</source>
   <translation type="vanished">Mapa de tipos de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <source>Cropland map (WorldCereal)</source>
   <translation type="vanished">Mapa de tierras de cultivo (WorldCereal)</translation>
  </message>
  <message>
   <source>Give YEAR or START_DATE, not both: YEAR {year} means the 12 months ending with that year's last season, START_DATE {start} the 12 months from that day.</source>
   <translation type="vanished">Indique YEAR o START_DATE, no ambos: YEAR {year} son los 12 meses que terminan con la última temporada de ese año, START_DATE {start} los 12 meses desde ese día.</translation>
  </message>
  <message>
   <source>Maps crop types for one or two growing seasons with the WorldCereal model (or your own crop-type head zip). The processing period is the 12 months ending with the last season's last month. Leave the season dates empty and give a year to use the crop calendar's windows for the season ids (tc-s1 = season 1, tc-s2 = season 2, tc-annual = whole year), as the WorldCereal library does. Bands: cropland, croptype_classification:&lt;season&gt; (value = class), probabilities.</source>
   <translation type="vanished">Cartografía los tipos de cultivo de una o dos temporadas de cultivo con el modelo WorldCereal (o su propio modelo .zip). El periodo de procesamiento son los 12 meses que terminan con el último mes de la última temporada. Deje vacías las fechas e indique un año para usar las temporadas del calendario de cultivos (tc-s1 = temporada 1, tc-s2 = temporada 2, tc-annual = año completo), como hace la biblioteca WorldCereal. Bandas: tierras de cultivo, croptype_classification:&lt;temporada&gt; (valor = clase), probabilidades.</translation>
  </message>
  <message>
   <source>Maps temporary cropland for an area with the pre-trained WorldCereal model on openEO. The processing period is exactly 12 whole months: give a start month, or a year (the 12 months ending with the area's last crop-calendar season of that year once the calendar is downloaded, else the calendar year). Bands: cropland_classification (1 = cropland), probability_cropland, probability_other.</source>
   <translation type="vanished">Cartografía los cultivos temporales de un área con el modelo WorldCereal preentrenado en openEO. El periodo de procesamiento son exactamente 12 meses completos: indique un mes de inicio, o un año (los 12 meses que terminan con la última temporada de ese año en el calendario de cultivos una vez descargado, si no el año natural). Bandas: cropland_classification (1 = tierra de cultivo), probability_cropland, probability_other.</translation>
  </message>
  <message>
   <source>Year (its growing seasons are covered) — or give the first day below</source>
   <translation type="vanished">Año (se cubren sus temporadas de cultivo) — o indique el primer día abajo</translation>
  </message>
  <message>
   <source>Year of the suggested seasons — or give the season dates above (one of the two is needed)</source>
   <translation type="vanished">Año de las temporadas propuestas — o indique las fechas de las temporadas arriba (hace falta uno de los dos)</translation>
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
   <location filename="worldcereal_qgis/controllers/session.py" line="37" />
   <source>1 WorldCereal job is still running</source>
   <translation>1 trabajo de WorldCereal sigue en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="34" />
   <source>1 WorldCereal tiled run is still running</source>
   <translation>1 procesamiento por teselas de WorldCereal sigue en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="160" />
   <source>Open panel</source>
   <translation>Abrir el panel</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="43" />
   <source>QGIS will now ask for its master password: WorldCereal keeps your login in QGIS's encrypted authentication database, never in plain settings.</source>
   <translation>QGIS pedirá ahora su contraseña maestra: WorldCereal guarda su sesión en la base de autenticación cifrada de QGIS, nunca en ajustes sin cifrar.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="114" />
   <source>WorldCereal: looking for unfinished jobs</source>
   <translation>WorldCereal: buscando trabajos sin terminar</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="31" />
   <source>{jobs} WorldCereal jobs and {runs} tiled runs are still running</source>
   <translation>{jobs} trabajos de WorldCereal y {runs} procesamientos por teselas siguen en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="38" />
   <source>{jobs} WorldCereal jobs are still running</source>
   <translation>{jobs} trabajos de WorldCereal siguen en curso</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="35" />
   <source>{runs} WorldCereal tiled runs are still running</source>
   <translation>{runs} procesamientos por teselas de WorldCereal siguen en curso</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealTileLayer</name>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="131" />
   <source>The tile layer {path} cannot be opened.</source>
   <translation>No se puede abrir la capa de teselas {path}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="94" />
   <source>The tile layer {path} cannot be written: {error}.</source>
   <translation>No se puede escribir la capa de teselas {path}: {error}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="248" />
   <source>The tile layer {path} could not be updated.</source>
   <translation>No se pudo actualizar la capa de teselas {path}.</translation>
  </message>
 </context>
</TS>
