"""Name pools for synthetic stories: Indian wire copy's usual cast, places and topics."""

from __future__ import annotations

FIRST_NAMES = (
    "Aarav", "Abhishek", "Aditi", "Ajay", "Akhilesh", "Alka", "Amit", "Anand", "Anil", "Anita",
    "Anjali", "Arvind", "Ashok", "Asaduddin", "Azam", "Bhupendra", "Chandrababu", "Deepak", "Devendra",
    "Dharmendra", "Dinesh", "Eknath", "Farooq", "Gaurav", "Geeta", "Hardeep", "Hemant", "Himanta",
    "Jairam", "Jitendra", "Jyotiraditya", "Kailash", "Kamal", "Kapil", "Kavita", "Keshav", "Kiren",
    "Lalu", "Mallikarjun", "Mamata", "Manish", "Manoj", "Mayawati", "Meenakshi", "Mohan", "Mukesh",
    "Nara", "Naveen", "Nirmala", "Nitin", "Nitish", "Omar", "Pinarayi", "Piyush", "Prakash", "Pralhad",
    "Priyanka", "Rahul", "Rajnath", "Rajesh", "Ramesh", "Revanth", "Rekha", "Sachin", "Sanjay",
    "Sharad", "Shashi", "Shivraj", "Siddaramaiah", "Smriti", "Sonia", "Sudhir", "Sukhbir", "Sunil",
    "Supriya", "Suresh", "Tejashwi", "Uddhav", "Vasundhara", "Vijay", "Vikram", "Yogi",
)
SURNAMES = (
    "Adityanath", "Agarwal", "Badal", "Baghel", "Banerjee", "Bhagwat", "Chouhan", "Chaudhary", "Das",
    "Fadnavis", "Gadkari", "Gandhi", "Gehlot", "Goyal", "Hussain", "Jaishankar", "Joshi", "Kejriwal",
    "Kharge", "Khan", "Kumar", "Majhi", "Mann", "Mishra", "Mukherjee", "Naidu", "Nair", "Owaisi",
    "Patel", "Pawar", "Pilot", "Prasad", "Puri", "Rao", "Reddy", "Rijiju", "Scindia", "Shah",
    "Sharma", "Shinde", "Singh", "Sitharaman", "Soren", "Stalin", "Tharoor", "Thackeray", "Tiwari",
    "Vaishnaw", "Verma", "Vijayan", "Yadav",
)
PLACES = (
    "New Delhi", "Mumbai", "Kolkata", "Chennai", "Bengaluru", "Hyderabad", "Lucknow", "Patna",
    "Bhopal", "Jaipur", "Ahmedabad", "Gandhinagar", "Chandigarh", "Shimla", "Dehradun", "Srinagar",
    "Jammu", "Ranchi", "Raipur", "Bhubaneswar", "Guwahati", "Shillong", "Imphal", "Agartala", "Aizawl",
    "Kohima", "Itanagar", "Gangtok", "Thiruvananthapuram", "Kochi", "Panaji", "Pune", "Nagpur",
    "Nashik", "Surat", "Vadodara", "Varanasi", "Prayagraj", "Kanpur", "Agra", "Meerut", "Ghaziabad",
    "Noida", "Gurugram", "Amritsar", "Ludhiana", "Jalandhar", "Indore", "Gwalior", "Jabalpur",
    "Udaipur", "Jodhpur", "Kota", "Ajmer", "Madurai", "Coimbatore", "Tiruchirappalli", "Mysuru",
    "Mangaluru", "Hubballi", "Visakhapatnam", "Vijayawada", "Tirupati", "Warangal", "Rampur",
    "Gorakhpur", "Ayodhya", "Mathura", "Bareilly", "Aligarh", "Dhanbad", "Jamshedpur", "Siliguri",
    "Darjeeling", "Howrah", "Durgapur", "Cuttack", "Puri", "Bilaspur", "Ujjain", "Bihar",
    "Uttar Pradesh", "Maharashtra", "West Bengal", "Tamil Nadu", "Karnataka", "Kerala", "Punjab",
    "Haryana", "Gujarat", "Rajasthan", "Madhya Pradesh", "Odisha", "Assam", "Telangana",
    "Andhra Pradesh", "Jharkhand", "Chhattisgarh", "Goa", "Manipur", "Ladakh", "Islamabad", "Dhaka",
    "Kathmandu", "Colombo", "Washington", "London", "Beijing", "Moscow", "Dubai", "Tokyo",
)
TOPICS = (
    "Politics", "Elections", "Assembly elections", "Lok Sabha", "Rajya Sabha", "Parliament",
    "Budget", "Economy", "Inflation", "GDP", "Stock market", "Sensex", "Nifty", "RBI", "Banking",
    "Monsoon", "Weather", "Floods", "Drought", "Heatwave", "Cyclone", "Earthquake", "Agriculture",
    "Farmers", "MSP", "Crime", "Police", "Courts", "Supreme Court", "High Court", "CBI", "ED",
    "Corruption", "Defence", "Army", "Navy", "Air Force", "Border", "Terrorism", "Diplomacy",
    "Foreign policy", "Trade", "Exports", "Imports", "Tariffs", "Cricket", "Football", "Hockey",
    "Olympics", "Asian Games", "IPL", "Tennis", "Badminton", "Chess", "Health", "Covid-19", "Dengue",
    "Hospitals", "Education", "Universities", "NEET", "JEE", "Schools", "Technology", "AI",
    "Startups", "Telecom", "5G", "Space", "ISRO", "Chandrayaan", "Railways", "Vande Bharat",
    "Aviation", "Roads", "Infrastructure", "Housing", "Urban development", "Water", "Pollution",
    "Air quality", "Climate change", "Environment", "Wildlife", "Forests", "Energy", "Solar power",
    "Coal", "Oil", "Electric vehicles", "Automobiles", "Tourism", "Culture", "Films", "Bollywood",
    "Music", "Festivals", "Religion", "Temples", "Women", "Children", "Labour", "Jobs",
    "Unemployment", "Welfare schemes", "Pensions", "Taxes", "GST", "Reservations", "Caste census",
    "Minorities", "Tribal affairs", "Naxalism", "Law and order", "Protests", "Strikes", "Accidents",
    "Fire", "Disaster relief", "Migrants", "Census", "Digital India", "Make in India", "Smart cities",
    "G20", "BRICS", "Quad", "SCO", "United Nations", "Pakistan", "China", "Bangladesh", "Nepal",
    "Sri Lanka", "United States", "Russia", "Ukraine", "Middle East", "Gaza", "Iran",
)
PARTIES = ("BJP", "Congress", "Samajwadi Party", "AAP", "TMC", "DMK", "AIADMK", "JD(U)", "RJD",
           "Shiv Sena", "NCP", "BSP", "BJD", "TDP", "YSRCP", "BRS", "CPI(M)", "JMM", "AIMIM")
AGENCIES = ("IANS", "PTI", "ANI", "UNI")
