<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
 <context>
  <name>AreaReportDialog</name>
  <message>
   <location filename="worldcereal_qgis/gui/area_report_dialog.py" line="29" />
   <source>Accuracy and area report</source>
   <translation>Rapport de précision et de superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/area_report_dialog.py" line="36" />
   <source>Open in browser</source>
   <translation>Ouvrir dans le navigateur</translation>
  </message>
 </context>
 <context>
  <name>AreasMenu</name>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="18" />
   <source>Assess accuracy and estimate areas…</source>
   <translation>Évaluer la précision et estimer les superficies…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="67" />
   <source>Crop area per unit</source>
   <translation>Superficie cultivée par unité</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="20" />
   <source>Crop area statistics per unit…</source>
   <translation>Statistiques de superficies cultivées par unité…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="15" />
   <source>Design a sample for accuracy and area…</source>
   <translation>Concevoir un échantillon pour la précision et les superficies…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/areas_menu.py" line="17" />
   <source>Label the sample…</source>
   <translation>Étiqueter l'échantillon…</translation>
  </message>
 </context>
 <context>
  <name>AuthStore</name>
  <message>
   <location filename="worldcereal_qgis/adapters/auth_store.py" line="35" />
   <source>QGIS's authentication database is locked and cannot ask for the master password here; write it to a file readable only by you and set QGIS_AUTH_PASSWORD_FILE to that file's path.</source>
   <translation>La base d'authentification de QGIS est verrouillée et ne peut pas demander le mot de passe principal ici ; écrivez-le dans un fichier lisible par vous seul et indiquez son chemin dans QGIS_AUTH_PASSWORD_FILE.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/auth_store.py" line="37" />
   <source>QGIS's authentication database is locked; enter the master password to use your stored logins.</source>
   <translation>La base d'authentification de QGIS est verrouillée ; saisissez le mot de passe principal pour utiliser vos connexions enregistrées.</translation>
  </message>
 </context>
 <context>
  <name>ClassPicker</name>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="295" />
   <source>Choose a class mappings file and a mapping.</source>
   <translation>Choisissez un fichier de correspondances de classes et une correspondance.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="73" />
   <source>Choose the classes of a custom crop-type model</source>
   <translation>Choisir les classes d'un modèle personnalisé de types de cultures</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="59" />
   <source>Choose your extractions (Parquet, long format).</source>
   <translation>Choisissez vos extractions (Parquet, format long).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="289" />
   <source>Choose your extractions first.</source>
   <translation>Choisissez d'abord vos extractions.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Class (EWOC hierarchy)</source>
   <translation>Classe (hiérarchie EWOC)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="123" />
   <source>Class mappings</source>
   <translation>Correspondances de classes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="117" />
   <source>Class mappings (*.json)</source>
   <translation>Correspondances de classes (*.json)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="70" />
   <source>Class of the mapping; EWOC codes: {codes}</source>
   <translation>Classe de la correspondance ; codes EWOC : {codes}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="49" />
   <source>Count training samples per class</source>
   <translation>Compter les échantillons d'entraînement par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="48" />
   <source>Counting the samples in the season…</source>
   <translation>Comptage des échantillons de la saison…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="287" />
   <source>Counting the samples…</source>
   <translation>Comptage des échantillons…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="152" />
   <source>Double-click to rename this class</source>
   <translation>Double-cliquez pour renommer cette classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="62" />
   <source>EWOC group {name}: tick it to train all its classes as one class</source>
   <translation>Groupe EWOC {name} : cochez-le pour entraîner toutes ses classes comme une seule classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="121" />
   <source>Extractions</source>
   <translation>Extractions</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="109" />
   <source>Extractions (*.parquet *.geoparquet);;All files (*)</source>
   <translation>Extractions (*.parquet *.geoparquet);;Tous les fichiers (*)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="124" />
   <source>Mapping</source>
   <translation>Correspondance</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="273" />
   <source>Model classes (output values in this order): {classes}.</source>
   <translation>Classes du modèle (valeurs de sortie dans cet ordre) : {classes}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="293" />
   <source>No sample is in this season with all 12 months: pick the months the labels were observed in.</source>
   <translation>Aucun échantillon n'est dans cette saison avec les 12 mois : choisissez les mois où les étiquettes ont été observées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="291" />
   <source>No sample is left for training: {reason}</source>
   <translation>Il ne reste aucun échantillon pour l'entraînement : {reason}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="283" />
   <source>Open the training algorithm with these classes</source>
   <translation>Ouvrir l'algorithme d'entraînement avec ces classes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_counting.py" line="48" />
   <source>Reading the samples…</source>
   <translation>Lecture des échantillons…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Samples</source>
   <translation>Échantillons</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="144" />
   <source>Samples whose label date (valid_time) falls in these months, in any year, are used</source>
   <translation>Les échantillons dont la date d'étiquette (valid_time) tombe dans ces mois, quelle que soit l'année, sont utilisés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_tree.py" line="67" />
   <source>Samples with EWOC code {code}</source>
   <translation>Échantillons de code EWOC {code}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="122" />
   <source>Season</source>
   <translation>Saison</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="210" />
   <source>The class mappings file {name} cannot be read.</source>
   <translation>Le fichier de correspondances de classes {name} est illisible.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="160" />
   <source>Tick a class to train it; ticking a parent merges its children into it. Double-click 'Trains as' of a ticked class to rename it. Everything unticked trains as 'other'.</source>
   <translation>Cochez une classe pour l'entraîner ; cocher un parent fusionne ses enfants en lui. Double-cliquez sur « Entraînée comme » d'une classe cochée pour la renommer. Tout ce qui n'est pas coché est entraîné comme 'other'.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="134" />
   <source>Train with these classes…</source>
   <translation>Entraîner avec ces classes…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="150" />
   <source>Trains as</source>
   <translation>Entraînée comme</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="119" />
   <source>Which mapping of the file names the EWOC codes (e.g. CROPTYPE24)</source>
   <translation>La correspondance du fichier qui nomme les codes EWOC (par ex. CROPTYPE24)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="110" />
   <source>Your extractions (WorldCereal long format)</source>
   <translation>Vos extractions (format long WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="113" />
   <source>to</source>
   <translation>à</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="310" />
   <source>{n} in-season samples have no class in {mapping} and are left out.</source>
   <translation>{n} échantillons de la saison n'ont pas de classe dans {mapping} et sont écartés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="260" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({incomplete} without all 12 months left out).</source>
   <translation>{total} échantillons dans {files} fichier(s) ; {kept} dans la saison avec les 12 mois ({incomplete} sans les 12 mois écartés).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="258" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({outside} outside the season left out).</source>
   <translation>{total} échantillons dans {files} fichier(s) ; {kept} dans la saison avec les 12 mois ({outside} hors de la saison écartés).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="262" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months ({outside} outside the season, {incomplete} without all 12 months left out).</source>
   <translation>{total} échantillons dans {files} fichier(s) ; {kept} dans la saison avec les 12 mois ({outside} hors de la saison et {incomplete} sans les 12 mois écartés).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/class_picker.py" line="257" />
   <source>{total} samples in {files} file(s); {kept} in the season with all 12 months.</source>
   <translation>{total} échantillons dans {files} fichier(s) ; {kept} dans la saison avec les 12 mois.</translation>
  </message>
 </context>
 <context>
  <name>CropCalendar</name>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="137" />
   <source>Crop calendars inside the area differ by up to {spread} dekads, so the median {season} window may not fit all of it; consider a smaller area.</source>
   <translation>Les calendriers culturaux de la zone diffèrent jusqu'à {spread} décades, la fenêtre médiane {season} peut donc ne pas convenir à toute la zone ; envisagez une zone plus petite.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="156" />
   <source>Loading the WorldCereal crop calendar</source>
   <translation>Chargement du calendrier cultural WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="126" />
   <source>Processing period {start} – {end}: the 12 months ending with the area's last crop-calendar season of {year} (the WorldCereal notebooks' rule).</source>
   <translation>Période de traitement {start} – {end} : les 12 mois se terminant avec la dernière saison culturale {year} de la zone (la règle des notebooks WorldCereal).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="81" />
   <source>The WorldCereal crop calendar could not be downloaded (are you offline?); point the setting {key} (Settings → Options → Advanced) or the panel's "Use a local calendar file…" to a copy of {name}, or enter the dates by hand.</source>
   <translation>Le calendrier cultural WorldCereal n'a pas pu être téléchargé (êtes-vous hors ligne ?) ; indiquez une copie de {name} dans le paramètre {key} (Préférences → Options → Avancé) ou avec « Utiliser un fichier de calendrier local… » du panneau, ou saisissez les dates à la main.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="140" />
   <source>The calendar's {season} window is {months} months long, more than the 12 months a job can process.</source>
   <translation>La fenêtre {season} du calendrier dure {months} mois, plus que les 12 mois qu'une tâche peut traiter.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="70" />
   <source>The crop calendar file {path} set in the WorldCereal settings does not exist.</source>
   <translation>Le fichier de calendrier cultural {path} indiqué dans les paramètres WorldCereal n'existe pas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="134" />
   <source>The crop calendar has no data for this area; the nearest cell ({lat}, {lon}), {distance}° away, was used.</source>
   <translation>Le calendrier cultural n'a pas de données pour cette zone ; la cellule la plus proche ({lat}, {lon}), à {distance}°, a été utilisée.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/crop_calendar.py" line="123" />
   <source>The crop calendar has no growing season for this area in {year}: the cropland map covers the calendar year {year} instead.</source>
   <translation>Le calendrier cultural n'a aucune saison de culture pour cette zone en {year} : la carte des terres cultivées couvre donc l'année civile {year}.</translation>
  </message>
 </context>
 <context>
  <name>CustomModels</name>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="78" />
   <source>Custom model {name}: classes {classes}; URL valid until {expiry}.</source>
   <translation>Modèle personnalisé {name} : classes {classes} ; URL valable jusqu'au {expiry}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="79" />
   <source>Custom model {name}: classes {classes}; no known expiry of its URL.</source>
   <translation>Modèle personnalisé {name} : classes {classes} ; pas d'expiration connue de son URL.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="232" />
   <source>Training could not start: {error}</source>
   <translation>L'entraînement n'a pas pu démarrer : {error}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="137" />
   <source>Training stopped without a result (exit code {code}); see {log}.</source>
   <translation>L'entraînement s'est arrêté sans résultat (code de sortie {code}) ; voir {log}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/custom_models.py" line="249" />
   <source>Training was cancelled.</source>
   <translation>L'entraînement a été annulé.</translation>
  </message>
 </context>
 <context>
  <name>ExtractionController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="124" />
   <source>Cancelled; the remote jobs were stopped.</source>
   <translation>Annulé ; les tâches distantes ont été arrêtées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="62" />
   <source>WorldCereal: cancelling the extraction</source>
   <translation>WorldCereal : annulation de l'extraction</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="81" />
   <source>WorldCereal: checking extraction job {item}</source>
   <translation>WorldCereal : suivi de la tâche d'extraction {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="82" />
   <source>WorldCereal: downloading extraction job {item}</source>
   <translation>WorldCereal : téléchargement de la tâche d'extraction {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="83" />
   <source>WorldCereal: extraction job {item}</source>
   <translation>WorldCereal : tâche d'extraction {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="92" />
   <source>WorldCereal: merging extractions</source>
   <translation>WorldCereal : fusion des extractions</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="48" />
   <source>WorldCereal: preparing extraction jobs</source>
   <translation>WorldCereal : préparation des tâches d'extraction</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="80" />
   <source>WorldCereal: submitting extraction job {item}</source>
   <translation>WorldCereal : envoi de la tâche d'extraction {item}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="151" />
   <source>{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far.</source>
   <translation>{0} tâches terminées sur {1}, {2} en cours, {3} échouées ; {4:.1f} crédits consommés jusqu'ici.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/extractions.py" line="149" />
   <source>{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far. A job is waiting for a free slot on the backend and starts as soon as one is free.</source>
   <translation>{0} tâches terminées sur {1}, {2} en cours, {3} échouées ; {4:.1f} crédits consommés jusqu'ici. Une tâche attend une place libre sur le serveur et démarre dès qu'une place se libère.</translation>
  </message>
 </context>
 <context>
  <name>JobController</name>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="154" />
   <source>{0} is already running as job {1}; following it instead of paying for it twice.</source>
   <translation>{0} est déjà en cours (tâche {1}) ; cette tâche est suivie plutôt que payée deux fois.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/jobs.py" line="150" />
   <source>{0} was already made (job {1}); its result is loaded again instead of paying for it twice.</source>
   <translation>{0} existe déjà (tâche {1}) ; son résultat est rechargé plutôt que payé deux fois.</translation>
  </message>
 </context>
 <context>
  <name>LabellingPanel</name>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="89" />
   <source>Choose a point layer first.</source>
   <translation>Choisissez d'abord une couche de points.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="59" />
   <source>Choose the sample layer made by 'Design a sample' and press Start.</source>
   <translation>Choisissez la couche d'échantillon créée par « Concevoir un échantillon » et appuyez sur Démarrer.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="77" />
   <source>Label from reference fields</source>
   <translation>Étiqueter d'après les parcelles de référence</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="39" />
   <source>Label the sample</source>
   <translation>Étiqueter l'échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="159" />
   <source>Point {n} of {total} (stratum {stratum}, mapped as {mapped}). Label: {label}.</source>
   <translation>Point {n} sur {total} (strate {stratum}, cartographié comme {mapped}). Étiquette : {label}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="78" />
   <source>Points inside a field of your reference data get that field's class; label_source says so.</source>
   <translation>Les points situés dans une parcelle de vos données de référence reçoivent la classe de cette parcelle ; label_source l'indique.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="56" />
   <source>Sample</source>
   <translation>Échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="56" />
   <source>Scale</source>
   <translation>Échelle</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="53" />
   <source>Start / resume</source>
   <translation>Démarrer / reprendre</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="169" />
   <source>Start the walk and choose a reference polygon layer and its class field first.</source>
   <translation>Démarrez d'abord le parcours et choisissez une couche de polygones de référence et son champ de classe.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="185" />
   <source>This label comes from the reference layer '{layer}', not from your interpretation.</source>
   <translation>Cette étiquette vient de la couche de référence « {layer} », pas de votre interprétation.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="187" />
   <source>This label comes from {source}, not from your interpretation.</source>
   <translation>Cette étiquette provient de la source « {source} », et non de votre interprétation.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="157" />
   <source>not labelled yet</source>
   <translation>pas encore étiqueté</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/labelling_panel.py" line="172" />
   <source>{n} points lie in fields of '{layer}' and were labelled from them (label_source says so).</source>
   <translation>{n} points se trouvent dans des parcelles de « {layer} » et ont été étiquetés d'après elles (label_source l'indique).</translation>
  </message>
 </context>
 <context>
  <name>LabellingSession</name>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="115" />
   <source>The label could not be saved in '{layer}'; is the file read-only?</source>
   <translation>L'étiquette n'a pas pu être enregistrée dans « {layer} » ; le fichier est-il en lecture seule ?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/labelling.py" line="40" />
   <source>The sample layer has no field '{field}' to store the labels in.</source>
   <translation>La couche d'échantillon n'a pas de champ « {field} » où enregistrer les étiquettes.</translation>
  </message>
 </context>
 <context>
  <name>ReferencePanel</name>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>1. Reference data</source>
   <translation>1. Données de référence</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>2. Extraction jobs</source>
   <translation>2. Tâches d'extraction</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>3. Time series of a sample</source>
   <translation>3. Série temporelle d'un échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="87" />
   <source>A reference data file (GeoParquet, Parquet, GeoPackage, ...); it is read directly, also where QGIS cannot open it as a layer.</source>
   <translation>Un fichier de données de référence (GeoParquet, Parquet, GeoPackage, ...) ; il est lu directement, même là où QGIS ne peut pas l'ouvrir comme couche.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Cancel</source>
   <translation>Annuler</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Choose a layer and validate it.</source>
   <translation>Choisissez une couche et validez-la.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="138" />
   <source>Choose a reference data layer or file first.</source>
   <translation>Choisissez d'abord une couche ou un fichier de données de référence.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="217" />
   <source>Choose an output folder first.</source>
   <translation>Choisissez d'abord un dossier de sortie.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="251" />
   <source>Continuing the unfinished extraction from the last session…</source>
   <translation>Reprise de l'extraction inachevée de la dernière session…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Extract</source>
   <translation>Extraire</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Harmonised reference data (RDM format): points or polygons</source>
   <translation>Données de référence harmonisées (format RDM) : points ou polygones</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Layer</source>
   <translation>Couche</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Maximum samples per H3 level-3 cell and class</source>
   <translation>Nombre maximal d'échantillons par cellule H3 de niveau 3 et par classe</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>No plan yet.</source>
   <translation>Pas encore de plan.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Output folder</source>
   <translation>Dossier de sortie</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Reference data</source>
   <translation>Données de référence</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Sample (or select a point of the result layer)</source>
   <translation>Échantillon (ou sélectionnez un point de la couche de résultat)</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Samples</source>
   <translation>Échantillons</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="229" />
   <source>Submitting {0} jobs to {1}…</source>
   <translation>Envoi de {0} tâches à {1}…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>Validate and plan</source>
   <translation>Valider et planifier</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="157" />
   <source>Validating reference data</source>
   <translation>Validation des données de référence</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="155" />
   <source>Validating…</source>
   <translation>Validation…</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>all samples</source>
   <translation>tous les échantillons</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>cap per H3 cell and class</source>
   <translation>plafond par cellule H3 et par classe</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>extract flag (RDM subset)</source>
   <translation>indicateur extract (sous-ensemble RDM)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="271" />
   <source>{0} samples written to {1}.</source>
   <translation>{0} échantillons écrits dans {1}.</translation>
  </message>
  <message>
   <location filename="resources/ui/reference_panel.ui" line="0" />
   <source>…</source>
   <translation>…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/reference_panel.py" line="90" />
   <source>…or file</source>
   <translation>…ou fichier</translation>
  </message>
 </context>
 <context>
  <name>ReferenceSource</name>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="105" />
   <source>Choose a reference data layer or a file (GeoParquet, Parquet, GeoPackage, ...).</source>
   <translation>Choisissez une couche de données de référence ou un fichier (GeoParquet, Parquet, GeoPackage, ...).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="92" />
   <source>Choose a reference data layer or file first.</source>
   <translation>Choisissez d'abord une couche ou un fichier de données de référence.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="38" />
   <source>Layer '{name}'</source>
   <translation>Couche « {name} »</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="98" />
   <source>The layer {name} cannot be read: its source {source} is not available.</source>
   <translation>La couche {name} ne peut pas être lue : sa source {source} n'est pas disponible.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/reference_source.py" line="132" />
   <source>{n} samples in {jobs} jobs over {tiles} Sentinel-2 tiles; about {credits} credits.</source>
   <translation>{n} échantillons en {jobs} tâches sur {tiles} tuiles Sentinel-2 ; environ {credits} crédits.</translation>
  </message>
 </context>
 <context>
  <name>TrainCroptypeAlgorithm</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="68" />
   <source>Add WorldCereal's public extractions around this area</source>
   <translation>Ajouter les extractions publiques de WorldCereal autour de cette zone</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="156" />
   <source>Backbone: {name} (fingerprint {fingerprint}…).</source>
   <translation>Base : {name} (empreinte {fingerprint}…).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="81" />
   <source>Class mapping name</source>
   <translation>Nom de la correspondance de classes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="79" />
   <source>Class mappings file (class_mappings.json; empty = EWOC codes as classes)</source>
   <translation>Fichier de correspondances de classes (class_mappings.json ; vide = codes EWOC comme classes)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="100" />
   <source>Classes (output value order)</source>
   <translation>Classes (ordre des valeurs de sortie)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="262" />
   <source>Classes (output values in this order) and samples: {counts}</source>
   <translation>Classes (valeurs de sortie dans cet ordre) et échantillons : {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="77" />
   <source>Classes to map (comma-separated)</source>
   <translation>Classes à cartographier (séparées par des virgules)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="97" />
   <source>Confusion matrix (PNG, normalised)</source>
   <translation>Matrice de confusion (PNG, normalisée)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="43" />
   <source>Custom models</source>
   <translation>Modèles personnalisés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="71" />
   <source>Distance around the area for public extractions (km)</source>
   <translation>Distance autour de la zone pour les extractions publiques (km)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="253" />
   <source>Epoch {epoch}: loss {loss}, validation loss {val_loss}, validation macro F1 {val_f1}</source>
   <translation>Époque {epoch} : perte {loss}, perte de validation {val_loss}, F1 macro de validation {val_f1}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="170" />
   <source>Give your own extractions, or an area to take WorldCereal's public extractions around.</source>
   <translation>Indiquez vos propres extractions, ou une zone autour de laquelle prendre les extractions publiques de WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="85" />
   <source>Head</source>
   <translation>Tête</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="118" />
   <source>Keep samples whose quality scores are 0 (the library drops them)</source>
   <translation>Conserver les échantillons dont les scores de qualité valent 0 (la bibliothèque les écarte)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="99" />
   <source>Macro F1 (test split)</source>
   <translation>F1 macro (partie de test)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="83" />
   <source>Merges (old=new;old2=new2)</source>
   <translation>Fusions (old=new;old2=new2)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="244" />
   <source>Merges must look like old=new;old2=new2.</source>
   <translation>Les fusions doivent avoir la forme old=new;old2=new2 (ancien=nouveau).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="96" />
   <source>Metrics (JSON)</source>
   <translation>Métriques (JSON)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="73" />
   <source>Model name (empty = season, months, classes and today's date)</source>
   <translation>Nom du modèle (vide = saison, mois, classes et date du jour)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="129" />
   <source>Model name: {name}.</source>
   <translation>Nom du modèle : {name}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="95" />
   <source>Model zip</source>
   <translation>Zip du modèle</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="111" />
   <source>Months each sample gets</source>
   <translation>Mois attribués à chaque échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="94" />
   <source>Output folder</source>
   <translation>Dossier de sortie</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="98" />
   <source>Overall accuracy (test split)</source>
   <translation>Exactitude globale (partie de test)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="133" />
   <source>Preparing the training environment (built once; the first time takes minutes)…</source>
   <translation>Préparation de l'environnement d'entraînement (construit une fois ; la première fois prend quelques minutes)…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="93" />
   <source>Presto encoder checkpoint (.pt)</source>
   <translation>Point de contrôle d'encodeur Presto (.pt)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="264" />
   <source>Public extractions: {n} dataset file(s) from the cache.</source>
   <translation>Extractions publiques : {n} fichier(s) de jeu de données depuis le cache.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="265" />
   <source>Public extractions: {n} dataset file(s).</source>
   <translation>Extractions publiques : {n} fichier(s) de jeu de données.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="115" />
   <source>Random seed (split, masking, jitter)</source>
   <translation>Graine aléatoire (partage, masquage, décalage)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="102" />
   <source>Registered model id</source>
   <translation>Identifiant du modèle enregistré</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="103" />
   <source>Registered model name</source>
   <translation>Nom du modèle enregistré</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="76" />
   <source>Season end (YYYY-MM-DD)</source>
   <translation>Fin de la saison (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="74" />
   <source>Season id</source>
   <translation>Identifiant de la saison</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="75" />
   <source>Season start (YYYY-MM-DD)</source>
   <translation>Début de la saison (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="89" />
   <source>Seasonal model whose encoder is the backbone (URL or zip; empty = the default)</source>
   <translation>Modèle saisonnier dont l'encodeur sert de base (URL ou zip ; vide = celui par défaut)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="86" />
   <source>Spatial split (0.25° bins)</source>
   <translation>Partage spatial (cases de 0,25°)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="114" />
   <source>Temporal jitter on the training split (the library's augmentation)</source>
   <translation>Décalage temporel aléatoire sur la partie d'entraînement (l'augmentation de la bibliothèque)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="268" />
   <source>Test split: overall accuracy {accuracy} (always guessing the largest class: {chance}), macro F1 {f1}.</source>
   <translation>Partie de test : exactitude globale {accuracy} (en répondant toujours la classe la plus grande : {chance}), F1 macro {f1}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="176" />
   <source>The season end is before its start.</source>
   <translation>La fin de la saison précède son début.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="40" />
   <source>Train a custom crop-type model (WorldCereal)</source>
   <translation>Entraîner un modèle personnalisé de types de cultures (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="49" />
   <source>Trains a crop-type head on Presto embeddings of extractions (your own and/or WorldCereal's public ones within a distance of an area), for one season. Before anything is built, your files are checked: long or legacy wide format, monthly or dekadal rows (dekads are composited to months band by band as the official inputs graph does), samples in the season and what the library's quality filters remove; a bad input is refused in seconds. Each sample then gets 12 months by the chosen alignment: the processing period of the map job, the library's relaxed rule (centred on valid_time) or its strict rule; temporal jitter (training split only, seeded) and sensor masking as the library's notebook; stratified (or spatial) train/val/test split; linear or MLP head with early stopping. Unselected classes become 'other'. Outputs the model zip (head + config.json manifest recording alignment, jitter and seed), metrics on the held-out test split, confusion matrices and a plain-language verdict, and registers the model for the crop-type map algorithm. The first run installs the training environment (torch CPU, prometheo; about 2 GB, a few minutes). docs/TRAINING_INPUTS.md has every rule.</source>
   <translation>Entraîne une tête de types de cultures sur les plongements Presto d'extractions (les vôtres et/ou les extractions publiques de WorldCereal à une distance donnée d'une zone), pour une saison. Avant toute construction, vos fichiers sont vérifiés : format long ou ancien format large, lignes mensuelles ou décadaires (les décades sont composées en mois bande par bande comme le fait le graphe d'entrée officiel), échantillons dans la saison et ce que retirent les filtres de qualité de la bibliothèque ; une entrée incorrecte est refusée en quelques secondes. Chaque échantillon reçoit ensuite 12 mois selon l'alignement choisi : la période de traitement de la tâche de carte, la règle souple de la bibliothèque (centrée sur valid_time) ou sa règle stricte ; décalage temporel aléatoire (partie d'entraînement seulement, avec graine) et masquage de capteurs comme le notebook de la bibliothèque ; partage entraînement/validation/test stratifié (ou spatial) ; tête linéaire ou MLP avec arrêt précoce. Les classes non sélectionnées deviennent 'other'. Produit le zip du modèle (tête + manifeste config.json qui enregistre l'alignement, le décalage et la graine), les métriques sur la partie de test mise de côté, les matrices de confusion et un verdict en langage clair, et enregistre le modèle pour l'algorithme de carte des types de cultures. La première exécution installe l'environnement d'entraînement (torch CPU, prometheo ; environ 2 Go, quelques minutes). docs/TRAINING_INPUTS.md donne toutes les règles.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="84" />
   <source>Unselected classes become 'other'</source>
   <translation>Les classes non sélectionnées deviennent 'other'</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="101" />
   <source>Verdict</source>
   <translation>Verdict</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="65" />
   <source>Your extractions (Parquet/GeoParquet, long format)</source>
   <translation>Vos extractions (Parquet/GeoParquet, format long)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="92" />
   <source>…or a Presto encoder checkpoint (.pt) to use directly</source>
   <translation>…ou un point de contrôle d'encodeur Presto (.pt) à utiliser directement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_train.py" line="70" />
   <source>…within this distance of the area (km)</source>
   <translation>…à cette distance de la zone (km)</translation>
  </message>
 </context>
 <context>
  <name>TrainingResultDialog</name>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="225" />
   <source>Choose classes and train a crop-type model…</source>
   <translation>Choisir les classes et entraîner un modèle de types de cultures…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Class</source>
   <translation>Classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="92" />
   <source>Confusion matrix (%)</source>
   <translation>Matrice de confusion (%)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="93" />
   <source>Confusion matrix (counts)</source>
   <translation>Matrice de confusion (effectifs)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="79" />
   <source>Custom crop-type model – test results</source>
   <translation>Modèle personnalisé de types de cultures – résultats du test</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>F1</source>
   <translation>F1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="96" />
   <source>Open folder</source>
   <translation>Ouvrir le dossier</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="45" />
   <source>Overall accuracy {accuracy} (always guessing the largest class: {chance}) · macro F1 {f1} · {n} held-out test samples</source>
   <translation>Exactitude globale {accuracy} (en répondant toujours la classe la plus grande : {chance}) · F1 macro {f1} · {n} échantillons de test mis de côté</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="91" />
   <source>Per class</source>
   <translation>Par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Precision</source>
   <translation>Précision</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="123" />
   <source>Reading the plot…</source>
   <translation>Lecture du graphique…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="137" />
   <source>Reading {name}</source>
   <translation>Lecture de {name}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Recall</source>
   <translation>Rappel</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Test samples</source>
   <translation>Échantillons de test</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="41" />
   <source>The metrics file {path} cannot be read.</source>
   <translation>Le fichier de métriques {path} est illisible.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="227" />
   <source>Tick crop classes in the EWOC hierarchy with their sample counts, then train on them</source>
   <translation>Cocher des classes de cultures dans la hiérarchie EWOC avec leurs nombres d'échantillons, puis entraîner sur elles</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="202" />
   <source>Train a crop-type model on your own and public extractions, and see how good it is</source>
   <translation>Entraîner un modèle de types de cultures sur vos extractions et les extractions publiques, et voir ce qu'il vaut</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="200" />
   <source>Train a custom crop-type model…</source>
   <translation>Entraîner un modèle personnalisé de types de cultures…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="105" />
   <source>Value</source>
   <translation>Valeur</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="64" />
   <source>Warning: {text}</source>
   <translation>Avertissement : {text}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/training_dialog.py" line="126" />
   <source>{name} was not written by this training run.</source>
   <translation>{name} n'a pas été écrit par cet entraînement.</translation>
  </message>
 </context>
 <context>
  <name>TrainingWords</name>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="65" />
   <source>Alignment {code}: {counts}</source>
   <translation>Alignement {code} : {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="93" />
   <source>Every test sample was classified correctly.</source>
   <translation>Tous les échantillons de test ont été correctement classés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="98" />
   <source>Less than half of the test samples were found for: {classes}.</source>
   <translation>Moins de la moitié des échantillons de test ont été retrouvés pour : {classes}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="22" />
   <source>Library relaxed: 12 months centred on each sample's valid_time (default)</source>
   <translation>Règle souple de la bibliothèque : 12 mois centrés sur le valid_time de chaque échantillon (par défaut)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="24" />
   <source>Library strict: valid_time moved to month 6 of the processing period</source>
   <translation>Règle stricte de la bibliothèque : valid_time placé au 6e mois de la période de traitement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="82" />
   <source>Months per sample: alignment {code} (seed {seed}).</source>
   <translation>Mois par échantillon : alignement {code} (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="73" />
   <source>Months per sample: processing-period alignment, with temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement sur la période de traitement, avec décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="78" />
   <source>Months per sample: processing-period alignment, without temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement sur la période de traitement, sans décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="72" />
   <source>Months per sample: relaxed alignment, with temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement souple, avec décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="77" />
   <source>Months per sample: relaxed alignment, without temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement souple, sans décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="74" />
   <source>Months per sample: strict alignment, with temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement strict, avec décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="79" />
   <source>Months per sample: strict alignment, without temporal jitter (seed {seed}).</source>
   <translation>Mois par échantillon : alignement strict, sans décalage temporel aléatoire (graine {seed}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="95" />
   <source>Most confusion: {n} test samples of {true} were mapped as {mapped}.</source>
   <translation>Plus grande confusion : {n} échantillons de test de {true} ont été cartographiés comme {mapped}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="23" />
   <source>Processing period of the map job (12 months ending with the season)</source>
   <translation>Période de traitement de la tâche de carte (12 mois se terminant avec la saison)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="63" />
   <source>Processing-period alignment: {counts}</source>
   <translation>Alignement sur la période de traitement : {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="62" />
   <source>Relaxed alignment: {counts}</source>
   <translation>Alignement souple : {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="64" />
   <source>Strict alignment: {counts}</source>
   <translation>Alignement strict : {counts}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="50" />
   <source>none</source>
   <translation>aucun</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="48" />
   <source>{n} for another reason ({code})</source>
   <translation>{n} pour une autre raison ({code})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="36" />
   <source>{n} whose extraction does not cover the processing period in any year</source>
   <translation>{n} dont l'extraction ne couvre la période de traitement en aucune année</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="34" />
   <source>{n} with fewer than 12 months extracted</source>
   <translation>{n} avec moins de 12 mois extraits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="39" />
   <source>{n} with no season month in their 12-month window</source>
   <translation>{n} sans aucun mois de la saison dans leur fenêtre de 12 mois</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="40" />
   <source>{n} with quality scores 0</source>
   <translation>{n} avec des scores de qualité à 0</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="32" />
   <source>{n} with valid_time outside the season</source>
   <translation>{n} dont le valid_time est hors de la saison</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="33" />
   <source>{n} with valid_time outside their extracted months</source>
   <translation>{n} dont le valid_time est hors de leurs mois extraits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="31" />
   <source>{n} without a readable valid_time</source>
   <translation>{n} sans valid_time lisible</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="38" />
   <source>{n} without all 12 months of the processing period extracted</source>
   <translation>{n} sans les 12 mois de la période de traitement extraits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/training_words.py" line="55" />
   <source>{read} rows read, {used} used; {kept} of {total} samples kept; dropped: {dropped}.</source>
   <translation>{read} lignes lues, {used} utilisées ; {kept} échantillons conservés sur {total} ; écartés : {dropped}.</translation>
  </message>
 </context>
 <context>
  <name>WorldCereal</name>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="31" />
   <source>a coordinate reference system such as EPSG:4326</source>
   <translation>un système de coordonnées de référence tel que EPSG:4326</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="72" />
   <source>a number</source>
   <translation>un nombre</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="66" />
   <source>a number from {low} to {high}</source>
   <translation>un nombre de {low} à {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="68" />
   <source>a number of at least {low}</source>
   <translation>un nombre d'au moins {low}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="70" />
   <source>a number of at most {high}</source>
   <translation>un nombre d'au plus {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="72" />
   <source>a whole number</source>
   <translation>un nombre entier</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="66" />
   <source>a whole number from {low} to {high}</source>
   <translation>un nombre entier de {low} à {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="68" />
   <source>a whole number of at least {low}</source>
   <translation>un nombre entier d'au moins {low}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="70" />
   <source>a whole number of at most {high}</source>
   <translation>un nombre entier d'au plus {high}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="28" />
   <source>an extent as xmin,xmax,ymin,ymax [EPSG:code] (e.g. 5.11,5.14,47.13,47.15 [EPSG:4326]) or a layer</source>
   <translation>une emprise de la forme xmin,xmax,ymin,ymax [EPSG:code] (par ex. 5.11,5.14,47.13,47.15 [EPSG:4326]) ou une couche</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="38" />
   <source>the QGIS log panel (tab {tab})</source>
   <translation>le panneau des journaux de QGIS (onglet {tab})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="30" />
   <source>the path of an existing file</source>
   <translation>le chemin d'un fichier existant</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="97" />
   <source>{label} must be one of {choices}; not '{value}'.</source>
   <translation>{label} doit valoir l'un de {choices} ; pas « {value} ».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="105" />
   <source>{label} must be true or false, not '{value}'.</source>
   <translation>{label} doit être vrai ou faux, pas « {value} ».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="109" />
   <source>{label} must be {expected}, not '{value}'.</source>
   <translation>{label} doit être {expected}, pas « {value} ».</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/param_checks.py" line="86" />
   <source>{label} must be {expected}, not {value}.</source>
   <translation>{label} doit être {expected}, pas {value}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="36" />
   <source>{what} failed:
{details}</source>
   <translation>{what} a échoué :
{details}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/bug_report.py" line="39" />
   <source>{what} stopped because of a bug in the WorldCereal plugin ({error}); please report it with the details in {where}.</source>
   <translation>{what} s'est arrêté à cause d'un bogue de l'extension WorldCereal ({error}) ; merci de le signaler avec les détails qui se trouvent dans {where}.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealAccount</name>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="157" />
   <source>Log in at {link}.</source>
   <translation>Connectez-vous sur {link}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="155" />
   <source>Log in at {link}&lt;br&gt;and enter the code &lt;b&gt;{code}&lt;/b&gt;.</source>
   <translation>Connectez-vous sur {link}&lt;br&gt;et saisissez le code &lt;b&gt;{code}&lt;/b&gt;.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="37" />
   <source>Logged in to {backend}.</source>
   <translation>Connecté à {backend}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="38" />
   <source>Not logged in to {backend}; log in before running a job.</source>
   <translation>Non connecté à {backend} ; connectez-vous avant de lancer une tâche.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="35" />
   <source>The local simulated backend needs no login and stores no password; its maps are simulated.</source>
   <translation>Le serveur local simulé ne demande aucune connexion et ne conserve aucun mot de passe ; ses cartes sont simulées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="71" />
   <source>Waiting for the browser login…</source>
   <translation>En attente de la connexion dans le navigateur…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="30" />
   <source>WorldCereal login</source>
   <translation>Connexion WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/account.py" line="105" />
   <source>WorldCereal: logging in to {backend}</source>
   <translation>WorldCereal : connexion à {backend}</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealArea</name>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="146" />
   <source>drawn polygon</source>
   <translation>polygone dessiné</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="146" />
   <source>drawn rectangle</source>
   <translation>rectangle dessiné</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/aoi_panel.py" line="142" />
   <source>map extent</source>
   <translation>emprise de la carte</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealAreas</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="85" />
   <source>Accuracy and area of {name}</source>
   <translation>Précision et superficies de {name}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="65" />
   <source>Accuracy per class</source>
   <translation>Précision par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="70" />
   <source>Allocation</source>
   <translation>Allocation</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="64" />
   <source>Anticipated user's accuracy (one value, or class=value, ...)</source>
   <translation>Précision utilisateur attendue (une valeur, ou classe=valeur, ...)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="58" />
   <source>Area (polygon layer, optional)</source>
   <translation>Zone (couche de polygones, facultatif)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="192" />
   <source>Area of {cls} per unit (ha)</source>
   <translation>Superficie de {cls} par unité (ha)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="64" />
   <source>Area statistics</source>
   <translation>Statistiques de superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="60" />
   <source>Area the sample was drawn in (polygon layer, optional)</source>
   <translation>Zone dans laquelle l'échantillon a été tiré (couche de polygones, facultatif)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/area_common.py" line="25" />
   <source>Areas and accuracy</source>
   <translation>Superficies et précision</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="67" />
   <source>Areas per class</source>
   <translation>Superficies par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="34" />
   <source>Assess accuracy and estimate areas</source>
   <translation>Évaluer la précision et estimer les superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="58" />
   <source>Assessment of the map (.json, optional)</source>
   <translation>Évaluation de la carte (.json, facultatif)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="68" />
   <source>Chart</source>
   <translation>Graphique</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="63" />
   <source>Class to map and chart</source>
   <translation>Classe à cartographier et à représenter dans le graphique</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="92" />
   <source>Counting the pixels of each class of '{band}' by blocks…</source>
   <translation>Comptage par blocs des pixels de chaque classe de « {band} »…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="38" />
   <source>Crop area statistics per unit</source>
   <translation>Statistiques de superficies cultivées par unité</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="51" />
   <source>Crop-type season (empty: cropland)</source>
   <translation>Saison des types de cultures (vide : terres cultivées)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="56" />
   <source>Crop-type season of the map (empty: cropland)</source>
   <translation>Saison des types de cultures de la carte (vide : terres cultivées)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="39" />
   <source>Design a sample for accuracy and area</source>
   <translation>Concevoir un échantillon pour la précision et les superficies</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="42" />
   <source>Draws a stratified random sample from a WorldCereal map (a single result or a tiled run's mosaic): strata are the map classes of the chosen band (cropland / other, or the crop types of one season, optionally merged). The sample size comes from the target standard error of overall accuracy and the anticipated user's accuracies (Olofsson et al. 2014, eq. 13) unless you give one. The same seed gives the same points. Output: points with stratum, map class, inclusion probability, weight and an empty 'reference' field to label, the class of every other classification band of the file under each point (map_&lt;season&gt;, to assess those maps with the same sample), and the strata table (pixels, hectares) the sample was drawn from.</source>
   <translation>Tire un échantillon aléatoire stratifié d'une carte WorldCereal (un résultat unique ou la mosaïque d'un traitement par tuiles) : les strates sont les classes de la bande choisie (terres cultivées / autres, ou les types de cultures d'une saison, éventuellement regroupés). La taille de l'échantillon découle de l'erreur type visée pour la précision globale et des précisions utilisateur attendues (Olofsson et al. 2014, éq. 13), sauf si vous l'indiquez. La même graine donne les mêmes points. Sortie : des points avec strate, classe cartographiée, probabilité d'inclusion, poids et un champ 'reference' vide à étiqueter, la classe de chaque autre bande de classification du fichier sous chaque point (map_&lt;season&gt;, pour évaluer ces cartes avec le même échantillon), et la table des strates (pixels, hectares) dans laquelle l'échantillon a été tiré.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="41" />
   <source>For each polygon of a layer (districts, farms): the mapped area of each class, counted pixel by pixel in the map's own UTM zone (mosaics across zones included), and, with an assessment of the same map (the .json written next to assess_map's report), the error-adjusted area with a 95 % interval. That estimate applies the whole map's error rates to the unit; the 'support' field says how many sample points fall inside the unit and whether that is enough to trust it. Units should not overlap: a pixel is counted for one unit only. Outputs: a table joinable on unit_id, the units coloured by the chosen class, and a chart.</source>
   <translation>Pour chaque polygone d'une couche (districts, exploitations) : la superficie cartographiée de chaque classe, comptée pixel par pixel dans la zone UTM propre à la carte (y compris les mosaïques à cheval sur plusieurs zones), et, avec une évaluation de la même carte (le .json écrit à côté du rapport de assess_map), la superficie ajustée des erreurs avec un intervalle à 95 %. Cette estimation applique à l'unité les taux d'erreur de toute la carte ; le champ 'support' indique combien de points de l'échantillon tombent dans l'unité et si cela suffit pour s'y fier. Les unités ne doivent pas se chevaucher : un pixel n'est compté que pour une seule unité. Sorties : une table joignable sur unit_id, les unités colorées selon la classe choisie, et un graphique.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="37" />
   <source>From a labelled stratified sample: the error matrix in sample counts and in estimated area proportions, overall, user's and producer's accuracy with 95 % confidence intervals, and the error-adjusted area of each class with its 95 % interval next to the mapped (pixel-counted) area. Stratum sizes come from a STRATA table (fields stratum, pixels) or are counted on the MAP. Points labelled 'unsure', 'skip' or left empty are left out and counted in the report. Assumptions: a probability sample, and reference labels of better quality than the map.</source>
   <translation>À partir d'un échantillon stratifié étiqueté : la matrice d'erreur en effectifs de l'échantillon et en proportions de superficie estimées, les précisions globale, utilisateur et producteur avec leurs intervalles de confiance à 95 %, et la superficie ajustée des erreurs de chaque classe avec son intervalle à 95 %, à côté de la superficie cartographiée (comptée en pixels). La taille des strates vient d'une table STRATA (champs stratum, pixels) ou est comptée sur la carte MAP. Les points étiquetés 'unsure', 'skip' ou laissés vides sont écartés et comptés dans le rapport. Hypothèses : un échantillon probabiliste, et des étiquettes de référence de meilleure qualité que la carte.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="118" />
   <source>Give the stratum sizes: a STRATA table or the MAP to count them from.</source>
   <translation>Indiquez la taille des strates : une table STRATA ou la carte MAP sur laquelle les compter.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="46" />
   <source>Labelled sample points</source>
   <translation>Points d'échantillon étiquetés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="61" />
   <source>Labelled sample points (to count them per unit, optional)</source>
   <translation>Points d'échantillon étiquetés (pour les compter par unité, facultatif)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="48" />
   <source>Map class field</source>
   <translation>Champ de la classe cartographiée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="53" />
   <source>Merge classes</source>
   <translation>Regrouper des classes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="56" />
   <source>Merge classes (e.g. barley=cereals, wheat=cereals)</source>
   <translation>Regrouper des classes (par ex. barley=cereals, wheat=cereals)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="58" />
   <source>Merge classes of the map</source>
   <translation>Regrouper des classes de la carte</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="73" />
   <source>Minimum points per stratum (compromise allocation)</source>
   <translation>Nombre minimal de points par strate (allocation de compromis)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="84" />
   <source>No assessment given: only mapped areas (pixel counts) are reported.</source>
   <translation>Aucune évaluation fournie : seules les superficies cartographiées (comptage des pixels) sont indiquées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="81" />
   <source>Number of sample points</source>
   <translation>Nombre de points de l'échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="70" />
   <source>Overall accuracy</source>
   <translation>Précision globale</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="92" />
   <source>Overall accuracy {oa:.3f} ± {ci:.3f} ({method}).</source>
   <translation>Précision globale {oa:.3f} ± {ci:.3f} ({method}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="71" />
   <source>Overall accuracy, 95 % half-width</source>
   <translation>Précision globale, demi-largeur à 95 %</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="63" />
   <source>Pixel area in hectares (0: from the map; 0.01 for 10 m)</source>
   <translation>Superficie d'un pixel en hectares (0 : d'après la carte ; 0,01 pour 10 m)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="75" />
   <source>Random seed</source>
   <translation>Graine aléatoire</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="49" />
   <source>Reference label field</source>
   <translation>Champ de l'étiquette de référence</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="69" />
   <source>Report</source>
   <translation>Rapport</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="77" />
   <source>Sample points</source>
   <translation>Points de l'échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="66" />
   <source>Sample size (0: from the target standard error)</source>
   <translation>Taille de l'échantillon (0 : d'après l'erreur type visée)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="103" />
   <source>Sample size from the target standard error (Olofsson 2014, eq. 13): {n}.</source>
   <translation>Taille de l'échantillon d'après l'erreur type visée (Olofsson 2014, éq. 13) : {n}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="79" />
   <source>Strata (pixels per stratum)</source>
   <translation>Strates (pixels par strate)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="52" />
   <source>Strata table (fields stratum, pixels)</source>
   <translation>Table des strates (champs stratum, pixels)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="47" />
   <source>Stratum field</source>
   <translation>Champ de la strate</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="116" />
   <source>Stratum {stratum}: {pixels} pixels ({area_ha:.1f} ha), {points} points.</source>
   <translation>Strate {stratum} : {pixels} pixels ({area_ha:.1f} ha), {points} points.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="61" />
   <source>Target standard error of overall accuracy</source>
   <translation>Erreur type visée pour la précision globale</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="173" />
   <source>The anticipated user's accuracies must be numbers between 0 and 1.</source>
   <translation>Les précisions utilisateur attendues doivent être des nombres compris entre 0 et 1.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="150" />
   <source>The assessment file '{name}' cannot be read.</source>
   <translation>Le fichier d'évaluation « {name} » ne peut pas être lu.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="96" />
   <source>The map has no classified pixel inside the area.</source>
   <translation>La carte n'a aucun pixel classé dans la zone.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="104" />
   <source>The units layer has no polygon.</source>
   <translation>La couche des unités ne contient aucun polygone.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="56" />
   <source>Unit id field (empty: feature id)</source>
   <translation>Champ identifiant de l'unité (vide : identifiant de l'entité)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="55" />
   <source>Units (polygon layer)</source>
   <translation>Unités (couche de polygones)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="66" />
   <source>Units with the class's area</source>
   <translation>Unités avec la superficie de la classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="50" />
   <source>WorldCereal map (result or mosaic)</source>
   <translation>Carte WorldCereal (résultat ou mosaïque)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="68" />
   <source>compromise (recommended)</source>
   <translation>compromis (recommandé)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="69" />
   <source>equal for every class</source>
   <translation>égale pour chaque classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="182" />
   <source>map-wide error rates applied; only {n} sample points inside, too few to check them here</source>
   <translation>taux d'erreur de toute la carte appliqués ; seulement {n} points d'échantillon à l'intérieur, trop peu pour les vérifier ici</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="180" />
   <source>map-wide error rates applied; sample points inside the unit not counted</source>
   <translation>taux d'erreur de toute la carte appliqués ; points d'échantillon dans l'unité non comptés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="184" />
   <source>map-wide error rates applied; {n} sample points inside</source>
   <translation>taux d'erreur de toute la carte appliqués ; {n} points d'échantillon à l'intérieur</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_area_statistics.py" line="178" />
   <source>mapped area only (no assessment given)</source>
   <translation>superficie cartographiée seulement (aucune évaluation fournie)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_design_sample.py" line="68" />
   <source>proportional to the class areas</source>
   <translation>proportionnelle aux superficies des classes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="85" />
   <source>the map</source>
   <translation>la carte</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_assess_map.py" line="54" />
   <source>…or the map to count them from</source>
   <translation>…ou la carte sur laquelle les compter</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealBackendChoice</name>
  <message>
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="30" />
   <source>The local simulated backend is a test server for developers and nothing answers at {url}; start it from the plugin's source checkout with `make backend`.</source>
   <translation>Le serveur local simulé est un serveur de test pour les développeurs et rien ne répond à {url} ; lancez-le depuis les sources de l'extension avec `make backend`.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/backend_choice.py" line="89" />
   <source>WorldCereal: looking for the local simulated backend</source>
   <translation>WorldCereal : recherche du serveur local simulé</translation>
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
   <translation>Fédération openEO du CDSE</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="37" />
   <source>Local simulated backend (developers)</source>
   <translation>Serveur local simulé (développeurs)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/i18n.py" line="38" />
   <source>Other openEO backend (URL)</source>
   <translation>Autre serveur openEO (URL)</translation>
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
   <translation>Plus grand que les {max} km² d'une tâche : traité en environ {tiles} tuiles de {km} km, puis mosaïqué.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="262" />
   <source>Log in to {backend} to run jobs.</source>
   <translation>Connectez-vous à {backend} pour lancer des tâches.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="235" />
   <source>Map cropland and crop types with ESA WorldCereal on openEO.</source>
   <translation>Cartographiez les terres cultivées et les types de cultures avec ESA WorldCereal sur openEO.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="276" />
   <source>No area of interest yet.</source>
   <translation>Pas encore de zone d'intérêt.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="268" />
   <source>Planning the tiles…</source>
   <translation>Découpage en tuiles…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="266" />
   <source>Reading the crop calendar for this area…</source>
   <translation>Lecture du calendrier cultural pour cette zone…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="344" />
   <source>Tiled run not started ({summary}).</source>
   <translation>Traitement par tuiles non lancé ({summary}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="349" />
   <source>Tiled run started: {summary}; results in {folder}.</source>
   <translation>Traitement par tuiles lancé : {summary} ; résultats dans {folder}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="264" />
   <source>Waiting for the automatic Sentinel-1 orbit choice…</source>
   <translation>En attente du choix automatique de l'orbite Sentinel-1…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="356" />
   <source>WorldCereal: start a tiled run?</source>
   <translation>WorldCereal : lancer un traitement par tuiles ?</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="283" />
   <source>{area}: {km2} km² · about {credits} credits · {short}–{long} min</source>
   <translation>{area} : {km2} km² · environ {credits} crédits · {short}–{long} min</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/dock.py" line="357" />
   <source>{summary}.

Start {jobs} jobs on {backend}?</source>
   <translation>{summary}.

Lancer {jobs} tâches sur {backend} ?</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealDockBase</name>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>ASCENDING</source>
   <translation>Ascendante</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Account</source>
   <translation>Compte</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Advanced options</source>
   <translation>Options avancées</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Area of interest</source>
   <translation>Zone d'intérêt</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Automatic</source>
   <translation>Automatique</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Automatic: chosen from the Sentinel-1 coverage of the area; or fix ASCENDING / DESCENDING</source>
   <translation>Automatique : choisie selon la couverture Sentinel-1 de la zone ; ou imposez ascendante / descendante</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Backend</source>
   <translation>Serveur</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Cancel</source>
   <translation>Annuler</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Cancel login</source>
   <translation>Annuler la connexion</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Cancel the selected job on the backend (stops using credits)</source>
   <translation>Annuler la tâche sélectionnée sur le serveur (arrête la consommation de crédits)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Crop type (custom model)</source>
   <translation>Type de culture (modèle personnalisé)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Crop type (default model)</source>
   <translation>Type de culture (modèle par défaut)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Crop-type post-processing</source>
   <translation>Post-traitement des types de cultures</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Cropland</source>
   <translation>Terres cultivées</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Cropland map, or crop-type map with the default WorldCereal model or your own model</source>
   <translation>Carte des terres cultivées, ou carte des types de cultures avec le modèle WorldCereal par défaut ou votre propre modèle</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Cropland post-processing</source>
   <translation>Post-traitement des terres cultivées</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>DESCENDING</source>
   <translation>Descendante</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw a polygon</source>
   <translation>Dessiner un polygone</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw a rectangle</source>
   <translation>Dessiner un rectangle</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw on map</source>
   <translation>Dessiner sur la carte</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Draw the area on the map: drag a rectangle, or click polygon vertices and right-click to finish (Esc cancels)</source>
   <translation>Dessinez la zone sur la carte : tracez un rectangle, ou cliquez les sommets du polygone et terminez par un clic droit (Échap annule)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Fill the season windows from WorldCereal's crop calendar for this area</source>
   <translation>Remplir les saisons à partir du calendrier cultural WorldCereal de cette zone</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>First month of the season</source>
   <translation>Premier mois de la saison</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Folder</source>
   <translation>Dossier</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Forget the stored login for this backend (removed from QGIS's authentication database)</source>
   <translation>Oublier la connexion enregistrée pour ce serveur (retirée de la base d'authentification de QGIS)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>How the crop-type map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Nettoyage de la carte des types de cultures : vote majoritaire dans une fenêtre, ou lissage des probabilités</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>How the cropland map is cleaned: majority vote in a window, or smoothing of probabilities</source>
   <translation>Nettoyage de la carte des terres cultivées : vote majoritaire dans une fenêtre, ou lissage des probabilités</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Jobs</source>
   <translation>Tâches</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Last month of the season</source>
   <translation>Dernier mois de la saison</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Load</source>
   <translation>Charger</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Load (or reload) the results as styled layers</source>
   <translation>Charger (ou recharger) les résultats en couches symbolisées</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Log</source>
   <translation>Journal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log in to the selected openEO backend (browser login for CDSE, user name and password for the local backend)</source>
   <translation>Se connecter au serveur openEO choisi (connexion par navigateur pour le CDSE, nom d'utilisateur et mot de passe pour le serveur local)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log in…</source>
   <translation>Se connecter…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Log out</source>
   <translation>Se déconnecter</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>MMM yyyy</source>
   <translation>MMM yyyy</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Majority vote</source>
   <translation>Vote majoritaire</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Map canvas extent</source>
   <translation>Emprise de la carte</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Mask non-cropland in the crop-type map</source>
   <translation>Masquer les zones non cultivées</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>No area of interest yet.</source>
   <translation>Pas encore de zone d'intérêt.</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Not logged in</source>
   <translation>Non connecté</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Open browser</source>
   <translation>Ouvrir le navigateur</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Open the folder with the downloaded results</source>
   <translation>Ouvrir le dossier des résultats téléchargés</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Open the login page again in your web browser</source>
   <translation>Rouvrir la page de connexion dans votre navigateur</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Pixels that are not cropland get value 254 in the crop-type map</source>
   <translation>Les pixels hors terres cultivées prennent la valeur 254 dans la carte des types de cultures</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Polygon layer</source>
   <translation>Couche de polygones</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>Product</source>
   <translation>Produit</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Remove</source>
   <translation>Retirer</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Remove the job from this list (downloaded files stay on disk)</source>
   <translation>Retirer la tâche de la liste (les fichiers téléchargés restent sur le disque)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Retry</source>
   <translation>Relancer</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_form.ui" line="0" />
   <source>Run</source>
   <translation>Lancer</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Run the selected failed or cancelled job again with the same settings</source>
   <translation>Relancer la tâche échouée ou annulée avec les mêmes paramètres</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season 1</source>
   <translation>Saison 1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season 2</source>
   <translation>Saison 2</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Season id: tc-s1, tc-s2 or your own name (letters, digits, _ and -)</source>
   <translation>Identifiant de saison : tc-s1, tc-s2 ou votre propre nom (lettres, chiffres, _ et -)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Selected features only</source>
   <translation>Entités sélectionnées uniquement</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Sentinel-1 orbit</source>
   <translation>Orbite Sentinel-1</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Show the backend log of the selected job</source>
   <translation>Afficher le journal serveur de la tâche sélectionnée</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Smooth probabilities</source>
   <translation>Lissage des probabilités</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_form.ui" line="0" />
   <source>Start the WorldCereal job on the backend (runs in the background; credits are used)</source>
   <translation>Lancer la tâche WorldCereal sur le serveur (en arrière-plan ; consomme des crédits)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>Stop waiting for the browser login</source>
   <translation>Cesser d'attendre la connexion dans le navigateur</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Suggest from crop calendar</source>
   <translation>Proposer depuis le calendrier cultural</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>The calendar year to map (January to December)</source>
   <translation>L'année à cartographier (de janvier à décembre)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>The openEO backend that runs the jobs (CDSE by default)</source>
   <translation>Le serveur openEO qui exécute les tâches (CDSE par défaut)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>The polygon layer whose features form the area of interest</source>
   <translation>La couche de polygones dont les entités forment la zone d'intérêt</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>The seasons on the processing period's 12 months; drag a bar or its ends to adjust it</source>
   <translation>Les saisons sur les 12 mois de la période de traitement ; faites glisser une barre ou ses extrémités pour l'ajuster</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Use only the selected features of the layer</source>
   <translation>Utiliser uniquement les entités sélectionnées de la couche</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Use season 1 (a job can map at most two seasons)</source>
   <translation>Utiliser la saison 1 (une tâche cartographie au plus deux saisons)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Use season 2 (a job can map at most two seasons)</source>
   <translation>Utiliser la saison 2 (une tâche cartographie au plus deux saisons)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>When</source>
   <translation>Quand</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_area.ui" line="0" />
   <source>Where to map: the current map view, a rectangle or polygon you draw, or the polygons of a layer</source>
   <translation>Où cartographier : la vue actuelle, un rectangle ou un polygone dessiné, ou les polygones d'une couche</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Window size of the crop-type majority vote (odd, 1–25 pixels)</source>
   <translation>Taille de fenêtre du vote majoritaire des types de cultures (impaire, 1 à 25 pixels)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_advanced.ui" line="0" />
   <source>Window size of the cropland majority vote (odd, 1–25 pixels)</source>
   <translation>Taille de fenêtre du vote majoritaire des terres cultivées (impaire, 1 à 25 pixels)</translation>
  </message>
  <message>
   <location filename="resources/ui/dock.ui" line="0" />
   <source>WorldCereal</source>
   <translation>WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_when.ui" line="0" />
   <source>Year</source>
   <translation>Année</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_jobs.ui" line="0" />
   <source>Your WorldCereal jobs; right-click a job for actions</source>
   <translation>Vos tâches WorldCereal ; clic droit sur une tâche pour les actions</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>https:// URL of your crop-type head model (.zip), e.g. from the WorldCereal training notebook</source>
   <translation>URL https:// de votre modèle de types de cultures (.zip), par ex. issu du notebook d'entraînement WorldCereal</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>https://…</source>
   <translation>https://…</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_product.ui" line="0" />
   <source>https://…/my_croptype_head.zip</source>
   <translation>https://…/mon_modele_cultures.zip</translation>
  </message>
  <message>
   <location filename="resources/ui/dock_account.ui" line="0" />
   <source>openEO URL of the local or custom backend</source>
   <translation>URL openEO du serveur local ou personnalisé</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealExample</name>
  <message>
   <location filename="worldcereal_qgis/adapters/example.py" line="30" />
   <source>Example result: WorldCereal crop types near Liège, 2020–2021 (not your area)</source>
   <translation>Exemple de résultat : types de cultures WorldCereal près de Liège, 2020–2021 (pas votre zone)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealFirstRun</name>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="26" />
   <source>1. Map cropland and crop types for your area: this panel.</source>
   <translation>1. Cartographier les terres cultivées et les types de cultures de votre zone : ce panneau.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="27" />
   <source>2. Check your field observations and extract their satellite time series: Plugins → WorldCereal → Reference data and extractions.</source>
   <translation>2. Vérifier vos observations de terrain et extraire leurs séries temporelles satellitaires : Extensions → WorldCereal → Données de référence et extractions.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="29" />
   <source>3. Train your own crop-type model: Plugins → WorldCereal → Train a custom crop-type model.</source>
   <translation>3. Entraîner votre propre modèle de types de cultures : Extensions → WorldCereal → Entraîner un modèle personnalisé.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="25" />
   <source>&lt;b&gt;Welcome to WorldCereal.&lt;/b&gt; Three things you can do:</source>
   <translation>&lt;b&gt;Bienvenue dans WorldCereal.&lt;/b&gt; Trois choses à faire :</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="64" />
   <source>Got it</source>
   <translation>J'ai compris</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="66" />
   <source>Hide this introduction for good</source>
   <translation>Ne plus afficher cette introduction</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="41" />
   <source>Load a real WorldCereal crop-type map (Belgium, 2021) shipped with the plugin, with its legend; no account or network needed</source>
   <translation>Charger une vraie carte des types de cultures WorldCereal (Belgique, 2021) fournie avec l'extension, avec sa légende ; sans compte ni réseau</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="30" />
   <source>Maps are computed on the Copernicus Data Space Ecosystem with a free account (&lt;a href="{url}"&gt;register at CDSE&lt;/a&gt;); each map uses credits from your free monthly allowance.</source>
   <translation>Les cartes sont calculées sur le Copernicus Data Space Ecosystem avec un compte gratuit (&lt;a href="{url}"&gt;inscription au CDSE&lt;/a&gt;) ; chaque carte consomme des crédits de votre quota mensuel gratuit.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="33" />
   <source>No account yet? Open an example result: a real WorldCereal crop-type map, offline.</source>
   <translation>Pas encore de compte ? Ouvrez un exemple de résultat : une vraie carte des types de cultures WorldCereal, hors ligne.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/first_run.py" line="39" />
   <source>Open an example result</source>
   <translation>Ouvrir un exemple de résultat</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealForm</name>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="181" />
   <source>Adjusted by hand; the dashed outlines are the crop calendar's windows (Suggest restores them).</source>
   <translation>Ajusté à la main ; les contours en pointillés sont les saisons du calendrier cultural (Proposer les rétablit).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="244" />
   <source>Checking Sentinel-1 coverage of the area…</source>
   <translation>Vérification de la couverture Sentinel-1 de la zone…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="308" />
   <source>Choose an area of interest first: the seasons depend on where it is.</source>
   <translation>Choisissez d'abord une zone d'intérêt : les saisons dépendent du lieu.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="233" />
   <source>Choose an area of interest: the map extent, a drawing or a polygon layer.</source>
   <translation>Choisissez une zone d'intérêt : l'emprise de la carte, un dessin ou une couche de polygones.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="241" />
   <source>Chosen automatically once the area and period are set.</source>
   <translation>Choisie automatiquement une fois la zone et la période fixées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="351" />
   <source>Crop calendar (*.geoparquet *.parquet)</source>
   <translation>Calendrier cultural (*.geoparquet *.parquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="243" />
   <source>Enter the URL of your custom crop-type model (.zip).</source>
   <translation>Saisissez l'URL de votre modèle de types de cultures personnalisé (.zip).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="237" />
   <source>Fixed orbit: only acquisitions of this direction are used.</source>
   <translation>Orbite imposée : seules les acquisitions de cette direction sont utilisées.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="382" />
   <source>From the crop calendar:</source>
   <translation>Selon le calendrier cultural :</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="263" />
   <source>Processing period: enable at least one season.</source>
   <translation>Période de traitement : activez au moins une saison.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/dock_state.py" line="265" />
   <source>Processing period: {start} … {end} ({months} months)</source>
   <translation>Période de traitement : {start} … {end} ({months} mois)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="313" />
   <source>Reading the crop calendar…</source>
   <translation>Lecture du calendrier cultural…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="373" />
   <source>The crop calendar has no season for this area; enter the months by hand.</source>
   <translation>Le calendrier cultural n'a pas de saison pour cette zone ; saisissez les mois à la main.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="330" />
   <source>Use a local calendar file…</source>
   <translation>Utiliser un fichier de calendrier local…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="350" />
   <source>WorldCereal crop calendar</source>
   <translation>Calendrier cultural WorldCereal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="210" />
   <source>the 12 months ending with this area's last crop-calendar season of {year}</source>
   <translation>les 12 mois se terminant avec la dernière saison culturale {year} de cette zone</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="43" />
   <source>{error} The season windows were left as they are.</source>
   <translation>{error} Les saisons ont été laissées telles quelles.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/form_panel.py" line="250" />
   <source>{orbit}: the Sentinel-1 catalogue could not be reached, so the library's default is used.</source>
   <translation>{orbit} : le catalogue Sentinel-1 est injoignable, la valeur par défaut de la bibliothèque est utilisée.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealInstall</name>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="89" />
   <source>Install</source>
   <translation>Installer</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="128" />
   <source>Installing the Python packages failed; see the WorldCereal log.</source>
   <translation>L'installation des paquets Python a échoué ; voir le journal WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="114" />
   <source>Installing the Python packages for WorldCereal… {percent} %</source>
   <translation>Installation des paquets Python pour WorldCereal… {percent} %</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="101" />
   <source>Installing…</source>
   <translation>Installation…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="124" />
   <source>Python packages installed; WorldCereal is ready.</source>
   <translation>Paquets Python installés ; WorldCereal est prêt.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/install.py" line="63" />
   <source>WorldCereal needs Python packages this QGIS lacks: {names}. Install adds them to the plugin's own folder, no admin rights needed.</source>
   <translation>WorldCereal a besoin de paquets Python absents de ce QGIS : {names}. Installer les ajoute au dossier propre de l'extension, sans droits d'administrateur.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealJobs</name>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="222" />
   <source>Backend: {url}</source>
   <translation>Serveur : {url}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Cancel job</source>
   <translation>Annuler la tâche</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Credits</source>
   <translation>Crédits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="228" />
   <source>Folder: {folder}</source>
   <translation>Dossier : {folder}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Job</source>
   <translation>Tâche</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="224" />
   <source>Job id: {id}</source>
   <translation>Identifiant de tâche : {id}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Load / reload results</source>
   <translation>Charger / recharger les résultats</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Open output folder</source>
   <translation>Ouvrir le dossier de sortie</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Progress</source>
   <translation>Avancement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="34" />
   <source>Remove from list</source>
   <translation>Retirer de la liste</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Retry</source>
   <translation>Relancer</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_panel.py" line="33" />
   <source>Show log</source>
   <translation>Afficher le journal</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="155" />
   <source>Status</source>
   <translation>État</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="200" />
   <source>WorldCereal: measuring the areas of the jobs</source>
   <translation>WorldCereal : calcul de la superficie des tâches</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>cancelled</source>
   <translation>annulée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>created</source>
   <translation>créée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="49" />
   <source>download failed</source>
   <translation>échec du téléchargement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>downloading</source>
   <translation>téléchargement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>failed</source>
   <translation>échouée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>finished</source>
   <translation>terminée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="48" />
   <source>loaded</source>
   <translation>chargée</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>queued</source>
   <translation>en file d'attente</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="47" />
   <source>running</source>
   <translation>en cours</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/jobs_model.py" line="46" />
   <source>submitting</source>
   <translation>envoi</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLegend</name>
  <message>
   <location filename="worldcereal_qgis/adapters/legend.py" line="27" />
   <source>+ {n} other classes, not in this map</source>
   <translation>+ {n} autres classes, absentes de cette carte</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLog</name>
  <message>
   <location filename="worldcereal_qgis/gui/log_dialog.py" line="26" />
   <source>Log – {job}</source>
   <translation>Journal – {job}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/log_dialog.py" line="20" />
   <source>The backend has no log entries for this job.</source>
   <translation>Le serveur n'a aucune entrée de journal pour cette tâche.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealLogin</name>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="16" />
   <source>Log in to {backend}</source>
   <translation>Connexion à {backend}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="27" />
   <source>Password</source>
   <translation>Mot de passe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="21" />
   <source>Stored encrypted in QGIS's authentication database, nowhere else</source>
   <translation>Enregistré chiffré dans la base d'authentification de QGIS, nulle part ailleurs</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="26" />
   <source>User name</source>
   <translation>Nom d'utilisateur</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/login_dialog.py" line="18" />
   <source>Your user name on this backend</source>
   <translation>Votre nom d'utilisateur sur ce serveur</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealOrbit</name>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="23" />
   <source>Both orbits cover the area, but only {orbit} has no gap longer than {gap} days between acquisitions ({days} days vs {other_days} days).</source>
   <translation>Les deux orbites couvrent la zone, mais seule {orbit} n'a pas d'intervalle de plus de {gap} jours entre acquisitions ({days} jours contre {other_days} jours).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="25" />
   <source>Both orbits cover the area; {orbit} has the larger total footprint over it ({cover}x vs {other_cover}x the area).</source>
   <translation>Les deux orbites couvrent la zone ; {orbit} a la plus grande emprise totale sur elle ({cover}x contre {other_cover}x la zone).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="20" />
   <source>No Sentinel-1 VV+VH acquisitions of either orbit fully cover the area in this period, so {orbit} is used as in the WorldCereal library.</source>
   <translation>Aucune acquisition Sentinel-1 VV+VH d'aucune des deux orbites ne couvre entièrement la zone sur cette période : {orbit} est donc utilisée, comme dans la bibliothèque WorldCereal.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="27" />
   <source>The Sentinel-1 orbit could not be checked ({error}), so {orbit} (the WorldCereal library's default) is used.</source>
   <translation>L'orbite Sentinel-1 n'a pas pu être vérifiée ({error}) : {orbit} (la valeur par défaut de la bibliothèque WorldCereal) est donc utilisée.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/orbit_words.py" line="22" />
   <source>{orbit} is the only orbit whose acquisitions fully cover the area.</source>
   <translation>{orbit} est la seule orbite dont les acquisitions couvrent entièrement la zone.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealPlugin</name>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="91" />
   <source>Load a real WorldCereal crop-type map shipped with the plugin (offline, no account needed)</source>
   <translation>Charger une vraie carte des types de cultures WorldCereal fournie avec l'extension (hors ligne, sans compte)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="89" />
   <source>Open an example result</source>
   <translation>Ouvrir un exemple de résultat</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="71" />
   <source>Open the WorldCereal panel: cropland and crop-type maps with openEO</source>
   <translation>Ouvrir le panneau WorldCereal : cartes des terres cultivées et des types de cultures avec openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="75" />
   <source>Reference data and extractions…</source>
   <translation>Données de référence et extractions…</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="77" />
   <source>Validate your reference data and extract satellite time series for it</source>
   <translation>Valider vos données de référence et en extraire les séries temporelles satellitaires</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/plugin.py" line="144" />
   <source>WorldCereal: opening the panel</source>
   <translation>WorldCereal : ouverture du panneau</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealProcessing</name>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="301" />
   <source>  tile {tile}: {count} samples</source>
   <translation>  tuile {tile} : {count} échantillons</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="40" />
   <source>&lt;b&gt;Account.&lt;/b&gt; Jobs run on openEO with your Copernicus Data Space Ecosystem account (free: &lt;a href="{url}"&gt;register at CDSE&lt;/a&gt;). Log in once in the WorldCereal panel (toolbar button or Plugins → WorldCereal); Processing, the Model Builder and qgis_process use that login.</source>
   <translation>&lt;b&gt;Compte.&lt;/b&gt; Les tâches tournent sur openEO avec votre compte Copernicus Data Space Ecosystem (gratuit : &lt;a href="{url}"&gt;inscription au CDSE&lt;/a&gt;). Connectez-vous une fois dans le panneau WorldCereal (bouton de la barre d'outils ou Extensions → WorldCereal) ; Traitements, le modeleur graphique et qgis_process utilisent cette connexion.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="44" />
   <source>&lt;b&gt;Cost and time.&lt;/b&gt; Each job uses credits from your CDSE allowance (10,000 free credits a month) and takes 10–20 minutes or more; it goes on if you close QGIS.</source>
   <translation>&lt;b&gt;Coût et durée.&lt;/b&gt; Chaque tâche consomme des crédits de votre quota CDSE (10 000 crédits gratuits par mois) et dure 10 à 20 minutes ou plus ; elle continue si vous fermez QGIS.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="51" />
   <source>&lt;b&gt;Period.&lt;/b&gt; Give a YEAR or the dates: one of the two is needed.</source>
   <translation>&lt;b&gt;Période.&lt;/b&gt; Indiquez une ANNÉE ou les dates : l'un des deux est nécessaire.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="47" />
   <source>A map of 100 km² costs about {low}–{high} credits and takes {short}–{long} minutes. &lt;b&gt;Area.&lt;/b&gt; Give either a polygon layer or an extent, not both.</source>
   <translation>Une carte de 100 km² coûte environ {low}–{high} crédits et prend {short}–{long} minutes. &lt;b&gt;Zone.&lt;/b&gt; Indiquez soit une couche de polygones, soit une emprise, pas les deux.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="51" />
   <source>Also produce the cropland map</source>
   <translation>Produire aussi la carte des terres cultivées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="62" />
   <source>Area of interest (polygon layer)</source>
   <translation>Zone d'intérêt (couche de polygones)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="65" />
   <source>Area of interest as an extent</source>
   <translation>Zone d'intérêt sous forme d'emprise</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="160" />
   <source>Area {area} km² crosses the antimeridian (180°): running it as {count} tiles of up to {size} km, each on one side.</source>
   <translation>La zone de {area} km² traverse l'antiméridien (180°) : elle est traitée en {count} tuiles d'au plus {size} km, chacune d'un seul côté.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="163" />
   <source>Area {area} km² is above the one-job limit: running it as {count} tiles of up to {size} km.</source>
   <translation>La zone de {area} km² dépasse la limite d'une tâche : elle est traitée en {count} tuiles d'au plus {size} km.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="185" />
   <source>Area {area} km²; estimated cost {low}–{high} credits.</source>
   <translation>Zone de {area} km² ; coût estimé {low}–{high} crédits.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="103" />
   <source>As tiles, this area needs at least {needed} credits, more than your budget of {budget} credits.</source>
   <translation>En tuiles, cette zone demande au moins {needed} crédits, plus que votre budget de {budget} crédits.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="83" />
   <source>Backend URL (local or custom backend; empty = the URL in the plugin settings)</source>
   <translation>URL du serveur (local ou personnalisé ; vide = l'URL des paramètres de l'extension)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="248" />
   <source>Cap: samples per H3 cell and class</source>
   <translation>Plafond : échantillons par cellule H3 et par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="173" />
   <source>Checks a reference data layer against WorldCereal's harmonised format (sample_id, 10-digit ewoc_code, valid_time, quality scores 0–100, extract, h3_l3_cell, ref_id starting with the year). Reprojects to EPSG:4326 and turns polygons into their centroids (computed in EPSG:3857, as the library does; polygons whose centroid falls outside are dropped). Writes a report table (one row per problem: row, column, why) and the clean samples as points. For data that is not harmonised, choose the label column, the date and a ref_id: labels are mapped to EWOC codes with the class mappings file.</source>
   <translation>Vérifie une couche de données de référence par rapport au format harmonisé de WorldCereal (sample_id, ewoc_code à 10 chiffres, valid_time, scores de qualité 0–100, extract, h3_l3_cell, ref_id commençant par l'année). Reprojette en EPSG:4326 et remplace les polygones par leur centroïde (calculé en EPSG:3857, comme la bibliothèque ; les polygones dont le centroïde tombe à l'extérieur sont écartés). Écrit une table de rapport (une ligne par problème : ligne, colonne, raison) et les échantillons propres en points. Pour des données non harmonisées, choisissez la colonne d'étiquette, la date et un ref_id : les étiquettes sont converties en codes EWOC avec le fichier de correspondances de classes.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="121" />
   <source>Choose a reference data layer or file.</source>
   <translation>Choisissez une couche ou un fichier de données de référence.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="192" />
   <source>Class mappings (class_mappings.json)</source>
   <translation>Correspondances de classes (class_mappings.json)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="196" />
   <source>Clean samples</source>
   <translation>Échantillons propres</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="261" />
   <source>Credits (estimate when planning, used when run)</source>
   <translation>Crédits (estimés en planification, utilisés à l'exécution)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="67" />
   <source>Credits used</source>
   <translation>Crédits utilisés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="54" />
   <source>Crop type majority-vote kernel</source>
   <translation>Noyau du vote majoritaire des types de cultures</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="26" />
   <source>Crop type map (WorldCereal)</source>
   <translation>Carte des types de cultures (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="52" />
   <source>Crop type post-processing</source>
   <translation>Post-traitement des types de cultures</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="57" />
   <source>Cropland majority-vote kernel</source>
   <translation>Noyau du vote majoritaire des terres cultivées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="207" />
   <source>Cropland map (WorldCereal)</source>
   <translation>Carte des terres cultivées (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="79" />
   <source>Cropland period end (YYYY-MM-DD)</source>
   <translation>Fin de la période des terres cultivées (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="78" />
   <source>Cropland period start (YYYY-MM-DD)</source>
   <translation>Début de la période des terres cultivées (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="55" />
   <source>Cropland post-processing</source>
   <translation>Post-traitement des terres cultivées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="59" />
   <source>Custom crop-type model (URL of a head .zip)</source>
   <translation>Modèle personnalisé de types de cultures (URL d'un .zip de tête)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="200" />
   <source>Dropped polygons</source>
   <translation>Polygones écartés</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="199" />
   <source>Errors</source>
   <translation>Erreurs</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="70" />
   <source>Estimated credits (high)</source>
   <translation>Crédits estimés (haut)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="294" />
   <source>Every selected sample is already extracted; nothing to do.</source>
   <translation>Tous les échantillons sélectionnés sont déjà extraits ; rien à faire.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="246" />
   <source>Extract flag at least</source>
   <translation>Indicateur extract au moins égal à</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="230" />
   <source>Extract time series for reference data (WorldCereal)</source>
   <translation>Extraire les séries temporelles de données de référence (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="256" />
   <source>Extracted samples</source>
   <translation>Échantillons extraits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="226" />
   <source>First day of the 12-month period</source>
   <translation>Premier jour de la période de 12 mois</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="240" />
   <source>Give YEAR or START_DATE, not both: YEAR {year} means the 12 months ending with that year's last season, START_DATE {start} the 12 months from that day.</source>
   <translation>Indiquez YEAR ou START_DATE, pas les deux : YEAR {year} désigne les 12 mois se terminant avec la dernière saison de cette année, START_DATE {start} les 12 mois à partir de ce jour.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="251" />
   <source>Give a year or the first day of the 12-month period.</source>
   <translation>Indiquez une année ou le premier jour de la période de 12 mois.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="72" />
   <source>Give an area of interest: a polygon layer or an extent.</source>
   <translation>Indiquez une zone d'intérêt : une couche de polygones ou une emprise.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="92" />
   <source>Give the season dates, or a year so the seasons can be suggested from the crop calendar.</source>
   <translation>Indiquez les dates des saisons, ou une année pour que les saisons soient proposées d'après le calendrier cultural.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="260" />
   <source>Jobs</source>
   <translation>Tâches</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="160" />
   <source>Label '{label}' ({count} rows) has no EWOC code in the class mappings.</source>
   <translation>L'étiquette « {label} » ({count} lignes) n'a pas de code EWOC dans les correspondances de classes.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="54" />
   <source>Largest area for one job (km²)</source>
   <translation>Plus grande superficie pour une tâche (km²)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="61" />
   <source>Largest estimated cost of a tiled run (credits; above it nothing is sent)</source>
   <translation>Coût estimé maximal d'un traitement par tuiles (crédits ; au-delà rien n'est envoyé)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="63" />
   <source>Load the result as styled layers</source>
   <translation>Charger le résultat en couches stylées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="229" />
   <source>Majority-vote kernel (odd, ≤ 25)</source>
   <translation>Noyau du vote majoritaire (impair, ≤ 25)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="37" />
   <source>Maps</source>
   <translation>Cartes</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="29" />
   <source>Maps crop types for one or two growing seasons with the WorldCereal model (or your own crop-type head zip). The processing period is the 12 months ending with the last season's last month. Leave the season dates empty and give a year to use the crop calendar's windows for the season ids (tc-s1 = season 1, tc-s2 = season 2, tc-annual = whole year), as the WorldCereal library does. Bands: cropland, croptype_classification:&lt;season&gt; (value = class), probabilities.</source>
   <translation>Cartographie les types de cultures pour une ou deux saisons de culture avec le modèle WorldCereal (ou votre propre modèle .zip). La période de traitement couvre les 12 mois se terminant avec le dernier mois de la dernière saison. Laissez les dates vides et indiquez une année pour utiliser les saisons du calendrier cultural (tc-s1 = saison 1, tc-s2 = saison 2, tc-annual = année entière), comme le fait la bibliothèque WorldCereal. Bandes : terres cultivées, croptype_classification:&lt;saison&gt; (valeur = classe), probabilités.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="210" />
   <source>Maps temporary cropland for an area with the pre-trained WorldCereal model on openEO. The processing period is exactly 12 whole months: give a start month, or a year. For a year the period follows the WorldCereal notebooks' rule: the 12 months ending with the month the area's last crop-calendar season of that year ends (the calendar is downloaded once, about 2 MB; without it the algorithm stops and says how to point it at a local copy). Bands: cropland_classification (1 = cropland), probability_cropland, probability_other.</source>
   <translation>Cartographie les cultures temporaires d'une zone avec le modèle WorldCereal pré-entraîné sur openEO. La période de traitement compte exactement 12 mois entiers : indiquez un mois de début, ou une année. Pour une année, la période suit la règle des notebooks WorldCereal : les 12 mois se terminant avec le mois où finit la dernière saison du calendrier cultural de cette année dans la zone (le calendrier est téléchargé une fois, environ 2 Mo ; sans lui l'algorithme s'arrête et explique comment indiquer une copie locale). Bandes : cropland_classification (1 = terre cultivée), probability_cropland, probability_other.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="50" />
   <source>Mask non-cropland (value 254)</source>
   <translation>Masquer ce qui n'est pas cultivé (valeur 254)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="258" />
   <source>Merged extractions (Parquet folder)</source>
   <translation>Extractions fusionnées (dossier Parquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="135" />
   <source>Model {name} checked before any job.</source>
   <translation>Modèle {name} vérifié avant toute tâche.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="61" />
   <source>Name field (one plan per feature)</source>
   <translation>Champ de nom (un plan par entité)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="63" />
   <source>Name of the area</source>
   <translation>Nom de la zone</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="45" />
   <source>Name of the area (for titles)</source>
   <translation>Nom de la zone (pour les titres)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="335" />
   <source>No extraction job finished; see the errors above.</source>
   <translation>Aucune tâche d'extraction n'a abouti ; voir les erreurs ci-dessus.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="275" />
   <source>None of the {n} valid samples is selected by '{choice}'; choose another selection or a lower extract flag.</source>
   <translation>Aucun des {n} échantillons valides n'est retenu par « {choice} » ; choisissez une autre sélection ou un indicateur extract plus bas.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="183" />
   <source>Not harmonised: crop label column</source>
   <translation>Non harmonisées : colonne de l'étiquette de culture</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="190" />
   <source>Not harmonised: data set id (YYYY_...)</source>
   <translation>Non harmonisées : identifiant du jeu de données (AAAA_...)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="184" />
   <source>Not harmonised: date column</source>
   <translation>Non harmonisées : colonne de la date</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="189" />
   <source>Not harmonised: one date for all samples (YYYY-MM-DD)</source>
   <translation>Non harmonisées : une date pour tous les échantillons (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="185" />
   <source>Not harmonised: sample id column</source>
   <translation>Non harmonisées : colonne de l'identifiant d'échantillon</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="77" />
   <source>Number of seasons</source>
   <translation>Nombre de saisons</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="69" />
   <source>Number of tiles</source>
   <translation>Nombre de tuiles</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="254" />
   <source>Only plan the jobs (send nothing)</source>
   <translation>Seulement planifier les tâches (rien n'est envoyé)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="64" />
   <source>Output folder</source>
   <translation>Dossier de sortie</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="41" />
   <source>Plan tiles for a large area</source>
   <translation>Planifier les tuiles d'une grande zone</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="227" />
   <source>Post-processing</source>
   <translation>Post-traitement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="91" />
   <source>Reference data</source>
   <translation>Données de référence</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="100" />
   <source>Reference data (points or polygons; a layer or a GeoParquet file)</source>
   <translation>Données de référence (points ou polygones ; une couche ou un fichier GeoParquet)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="63" />
   <source>Registered custom model or head .zip file</source>
   <translation>Modèle personnalisé enregistré ou fichier .zip de tête</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="135" />
   <source>Result: {path}</source>
   <translation>Résultat : {path}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="135" />
   <source>Result: {path} ({credits} credits used)</source>
   <translation>Résultat : {path} ({credits} crédits utilisés)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="219" />
   <source>Row {row}, {column}: {problem}</source>
   <translation>Ligne {row}, {column} : {problem}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="233" />
   <source>Runs WorldCereal point-extraction jobs on openEO for a harmonised reference data layer: monthly Sentinel-2, Sentinel-1, AgERA5 and DEM values per sample. Jobs are split by year of valid_time, then by Sentinel-2 tile, at most 500 samples each; at most 2 run at once and failed jobs are retried. Results are post-processed into WorldCereal's long format and merged into worldcereal_merged_extractions.parquet (one folder per ref_id); samples already extracted there are skipped. A data set with validation errors is never sent. About 30 credits per job.</source>
   <translation>Lance sur openEO les tâches d'extraction ponctuelle WorldCereal pour une couche de données de référence harmonisée : valeurs mensuelles Sentinel-2, Sentinel-1, AgERA5 et MNT par échantillon. Les tâches sont découpées par année de valid_time, puis par tuile Sentinel-2, 500 échantillons au plus chacune ; 2 au plus tournent en même temps et les tâches échouées sont relancées. Les résultats sont mis au format long de WorldCereal et fusionnés dans worldcereal_merged_extractions.parquet (un dossier par ref_id) ; les échantillons déjà extraits sont ignorés. Un jeu de données avec des erreurs de validation n'est jamais envoyé. Environ 30 crédits par tâche.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="244" />
   <source>Samples to extract</source>
   <translation>Échantillons à extraire</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="259" />
   <source>Samples written</source>
   <translation>Échantillons écrits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="99" />
   <source>Season '{season}' has no dates and is not a crop-calendar season ({seasons}); give its start and end dates.</source>
   <translation>La saison « {season} » n'a pas de dates et n'est pas une saison du calendrier cultural ({seasons}) ; indiquez ses dates de début et de fin.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="46" />
   <source>Season {n} end (YYYY-MM-DD)</source>
   <translation>Fin de la saison {n} (AAAA-MM-JJ)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="39" />
   <source>Season {n} id</source>
   <translation>Identifiant de la saison {n}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="81" />
   <source>Season {n} needs an id, a start and an end date.</source>
   <translation>La saison {n} a besoin d'un identifiant, d'une date de début et d'une date de fin.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="43" />
   <source>Season {n} start (YYYY-MM-DD; empty = suggested from the crop calendar)</source>
   <translation>Début de la saison {n} (AAAA-MM-JJ ; vide = proposé d'après le calendrier cultural)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="49" />
   <source>Sentinel-1 orbit</source>
   <translation>Orbite Sentinel-1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="109" />
   <source>Sentinel-1 orbit: {orbit}. {reason}</source>
   <translation>Orbite Sentinel-1 : {orbit}. {reason}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="50" />
   <source>Splits an area into job-sized tiles the way the WorldCereal library does: along the Sentinel-2 tiles, a square grid of the tile size in each tile's UTM zone, slivers under 100 m merged. Each tile gets its name (&lt;area&gt;_&lt;S2 tile&gt;_&lt;n&gt;), S2 tile, UTM EPSG, area and estimated credits (est_credits is the high estimate). With a name field, each feature is planned on its own. An area across 180° (an extent with xmin &gt; xmax, e.g. 178,-179.7,-17.3,-16.1) gets tiles on both sides. Areas needing more than 1,000 jobs are refused at once, before planning.</source>
   <translation>Découpe une zone en tuiles de la taille d'une tâche comme le fait la bibliothèque WorldCereal : selon les tuiles Sentinel-2, une grille carrée de la taille de tuile dans la zone UTM de chaque tuile, les bandes de moins de 100 m fusionnées. Chaque tuile reçoit son nom (&lt;area&gt;_&lt;S2 tile&gt;_&lt;n&gt;), sa tuile S2, son EPSG UTM, sa superficie et ses crédits estimés (est_credits est l'estimation haute). Avec un champ de nom, chaque entité est planifiée à part. Une zone à cheval sur 180° (une emprise avec xmin &gt; xmax, par ex. 178,-179.7,-17.3,-16.1) reçoit des tuiles des deux côtés. Les zones demandant plus de 1 000 tâches sont refusées d'emblée, avant la planification.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="49" />
   <source>Suggest growing seasons (crop calendar)</source>
   <translation>Proposer les saisons de culture (calendrier cultural)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="110" />
   <source>Suggested season {season}: {start} – {end} (crop calendar, {year}).</source>
   <translation>Saison proposée {season} : {start} – {end} (calendrier cultural, {year}).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="75" />
   <source>Suggested seasons</source>
   <translation>Saisons proposées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="58" />
   <source>Suggests the season windows WorldCereal's library would use for an area and year, from its crop calendar (median start and end over the area's 0.5° cells, nearest cell within 5° otherwise). One row per season: tc-s1, tc-s2 (only where the area has a second season) and tc-annual, with the 12-month processing period ending with the season, and a warning when the area's calendars differ a lot; when tc-s2 is left out the log says why. CROPLAND_START/CROPLAND_END is the 12-month period for a cropland map by the WorldCereal notebooks' rule: the 12 months ending with the area's last season. An extent across 180° is written with xmin &gt; xmax (e.g. 178,-179.7,-17.3,-16.1 [EPSG:4326]). The calendar is downloaded once (about 2 MB, pinned and checked) and kept in the QGIS profile; offline, point the setting worldcereal_qgis/seasons/calendar_path to a local copy.</source>
   <translation>Propose les saisons que la bibliothèque WorldCereal utiliserait pour une zone et une année, d'après son calendrier cultural (début et fin médians sur les cellules de 0,5° de la zone, sinon la cellule la plus proche à moins de 5°). Une ligne par saison : tc-s1, tc-s2 (seulement là où la zone a une seconde saison) et tc-annual, avec la période de traitement de 12 mois se terminant avec la saison, et un avertissement quand les calendriers de la zone diffèrent beaucoup ; quand tc-s2 est laissée de côté, le journal dit pourquoi. CROPLAND_START/CROPLAND_END est la période de 12 mois d'une carte des terres cultivées selon la règle des notebooks WorldCereal : les 12 mois se terminant avec la dernière saison de la zone. Une emprise à cheval sur 180° s'écrit avec xmin &gt; xmax (par ex. 178,-179.7,-17.3,-16.1 [EPSG:4326]). Le calendrier est téléchargé une fois (environ 2 Mo, version fixée et vérifiée) et gardé dans le profil QGIS ; hors ligne, indiquez une copie locale dans le paramètre worldcereal_qgis/seasons/calendar_path.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="100" />
   <source>The crop calendar has no growing season for this area in {year}; enter the season dates by hand.</source>
   <translation>Le calendrier cultural n'a aucune saison de culture pour cette zone en {year} ; saisissez les dates des saisons à la main.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="106" />
   <source>The crop calendar has no {season} season for this area; it is left out.</source>
   <translation>Le calendrier cultural n'a pas de saison {season} pour cette zone ; elle est laissée de côté.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="116" />
   <source>The crop calendar has none of the seasons {seasons} for this area in {year}; enter the season dates by hand.</source>
   <translation>Le calendrier cultural n'a aucune des saisons {seasons} pour cette zone en {year} ; saisissez les dates des saisons à la main.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="65" />
   <source>Tile size (km)</source>
   <translation>Taille des tuiles (km)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="57" />
   <source>Tile size for larger areas (km; run as tiles, result is a mosaic VRT)</source>
   <translation>Taille des tuiles pour les grandes zones (km ; traitées en tuiles, le résultat est une mosaïque VRT)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="171" />
   <source>Tile {name} failed; see {log}.</source>
   <translation>La tuile {name} a échoué ; voir {log}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="67" />
   <source>Tiles</source>
   <translation>Tuiles</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="198" />
   <source>Valid samples</source>
   <translation>Échantillons valides</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="170" />
   <source>Validate reference data (WorldCereal)</source>
   <translation>Valider des données de référence (WorldCereal)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="194" />
   <source>Validation report</source>
   <translation>Rapport de validation</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="65" />
   <source>WorldCereal map (GeoTIFF)</source>
   <translation>Carte WorldCereal (GeoTIFF)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="220" />
   <source>Year (its growing seasons are covered) — or give the first day below</source>
   <translation>Année (ses saisons de culture sont couvertes) — ou indiquez le premier jour ci-dessous</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="73" />
   <source>Year (the seasons end in this year)</source>
   <translation>Année (les saisons se terminent cette année-là)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="48" />
   <source>Year of the suggested seasons — or give the season dates above (one of the two is needed)</source>
   <translation>Année des saisons proposées — ou indiquez les dates des saisons ci-dessus (l'un des deux est nécessaire)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="42" />
   <source>all samples</source>
   <translation>tous les échantillons</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="43" />
   <source>cap per H3 level-3 cell and class</source>
   <translation>plafond par cellule H3 de niveau 3 et par classe</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="42" />
   <source>extract flag (the RDM's representative subset)</source>
   <translation>indicateur extract (le sous-ensemble représentatif du RDM)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="82" />
   <source>openEO backend</source>
   <translation>Serveur openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="66" />
   <source>openEO job id</source>
   <translation>Identifiant de la tâche openEO</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="130" />
   <source>tc-s2 is not offered: its median window ({start} – {end}) equals tc-s1's, which is how the crop calendar marks an area with one growing season.</source>
   <translation>tc-s2 n'est pas proposée : sa fenêtre médiane ({start} – {end}) est celle de tc-s1, ce qui est la façon dont le calendrier cultural signale une zone à une seule saison de culture.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="127" />
   <source>tc-s2 is not offered: the crop calendar has no valid second season here (no dates, or an end before the start).</source>
   <translation>tc-s2 n'est pas proposée : le calendrier cultural n'a pas de seconde saison valide ici (pas de dates, ou une fin avant le début).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_tiles.py" line="129" />
   <source>{count} tiles of up to {size} km; estimated up to {total} credits.</source>
   <translation>{count} tuiles d'au plus {size} km ; jusqu'à {total} crédits estimés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="330" />
   <source>{done} of {total} jobs finished; {written} samples written to {path} ({credits} credits used).</source>
   <translation>{done} tâches sur {total} terminées ; {written} échantillons écrits dans {path} ({credits} crédits utilisés).</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_reference.py" line="284" />
   <source>{n} samples were extracted before and are skipped.</source>
   <translation>{n} échantillons ont déjà été extraits et sont ignorés.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_seasons.py" line="110" />
   <source>{season}: {start} – {end} (processing period {first} – {last})</source>
   <translation>{season} : {start} – {end} (période de traitement {first} – {last})</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_croptype.py" line="61" />
   <source>…or a registered custom model (name or id) or your own head .zip file (checked, uploaded, its URL renewed when expired)</source>
   <translation>…ou un modèle personnalisé enregistré (nom ou identifiant) ou votre propre fichier .zip de tête (vérifié, téléversé, son URL renouvelée à expiration)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/base.py" line="64" />
   <source>…or area of interest as an extent</source>
   <translation>…ou zone d'intérêt sous forme d'emprise</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/processing/alg_map.py" line="225" />
   <source>…or first day of the 12-month period (YYYY-MM-01)</source>
   <translation>…ou premier jour de la période de 12 mois (AAAA-MM-01)</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealRuns</name>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="43" />
   <source>Cancel every remote job of the selected run</source>
   <translation>Annuler toutes les tâches distantes du traitement sélectionné</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="43" />
   <source>Cancel run</source>
   <translation>Annuler le traitement</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Credits</source>
   <translation>Crédits</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="44" />
   <source>Folder</source>
   <translation>Dossier</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="44" />
   <source>Open the run folder (tiles, mosaic, job_tracking.csv, logs)</source>
   <translation>Ouvrir le dossier du traitement (tuiles, mosaïque, job_tracking.csv, journaux)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Status</source>
   <translation>État</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Tiled run</source>
   <translation>Traitement par tuiles</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="77" />
   <source>Tiled runs (large areas, one job per tile)</source>
   <translation>Traitements par tuiles (grandes zones, une tâche par tuile)</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/runs_panel.py" line="32" />
   <source>Tiles</source>
   <translation>Tuiles</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealSeasons</name>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Season 1</source>
   <translation>Saison 1</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Season 2</source>
   <translation>Saison 2</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="20" />
   <source>Whole year</source>
   <translation>Année entière</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="35" />
   <source>WorldCereal season id: {id}</source>
   <translation>Identifiant de saison WorldCereal : {id}</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/gui/season_names.py" line="30" />
   <source>{season}: {start} – {end}</source>
   <translation>{season} : {start} – {end}</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealSession</name>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="39" />
   <source>1 WorldCereal job is still running</source>
   <translation>1 tâche WorldCereal est toujours en cours</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="36" />
   <source>1 WorldCereal tiled run is still running</source>
   <translation>1 traitement par tuiles WorldCereal est toujours en cours</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="197" />
   <source>Open panel</source>
   <translation>Ouvrir le panneau</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="45" />
   <source>QGIS will now ask for its master password: WorldCereal keeps your login in QGIS's encrypted authentication database, never in plain settings.</source>
   <translation>QGIS va maintenant demander son mot de passe principal : WorldCereal conserve votre connexion dans la base d'authentification chiffrée de QGIS, jamais dans des paramètres en clair.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="145" />
   <source>WorldCereal: looking for unfinished jobs</source>
   <translation>WorldCereal : recherche des tâches inachevées</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="33" />
   <source>{jobs} WorldCereal jobs and {runs} tiled runs are still running</source>
   <translation>{jobs} tâches WorldCereal et {runs} traitements par tuiles sont toujours en cours</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="40" />
   <source>{jobs} WorldCereal jobs are still running</source>
   <translation>{jobs} tâches WorldCereal sont toujours en cours</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/controllers/session.py" line="37" />
   <source>{runs} WorldCereal tiled runs are still running</source>
   <translation>{runs} traitements par tuiles WorldCereal sont toujours en cours</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealTasks</name>
  <message>
   <location filename="worldcereal_qgis/adapters/tasks.py" line="111" />
   <source>QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was ended as cancelled, please run it again.</source>
   <translation>QGIS a perdu la tâche en file d'attente « {task} » de son pool de threads (ticket QGIS 53806) ; elle a été terminée comme annulée, veuillez la relancer.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tasks.py" line="109" />
   <source>QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was started again.</source>
   <translation>QGIS a perdu la tâche en file d'attente « {task} » de son pool de threads (ticket QGIS 53806) ; elle a été relancée.</translation>
  </message>
 </context>
 <context>
  <name>WorldCerealTileLayer</name>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="344" />
   <source>The tile layer update was cancelled.</source>
   <translation>La mise à jour de la couche de tuiles a été annulée.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="140" />
   <source>The tile layer {path} cannot be opened.</source>
   <translation>La couche de tuiles {path} ne peut pas être ouverte.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="101" />
   <source>The tile layer {path} cannot be written: {error}.</source>
   <translation>La couche de tuiles {path} ne peut pas être écrite : {error}.</translation>
  </message>
  <message>
   <location filename="worldcereal_qgis/adapters/tile_layer.py" line="337" />
   <source>The tile layer {path} could not be updated.</source>
   <translation>La couche de tuiles {path} n'a pas pu être mise à jour.</translation>
  </message>
 </context>
</TS>
